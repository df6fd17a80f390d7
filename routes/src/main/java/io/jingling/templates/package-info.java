/**
 * The message templates admins edit: Mustache texts for orders, broadcasts and tip
 * acknowledgements, a versioned config kind checked against samples before it applies.
 */
package io.jingling.templates;
