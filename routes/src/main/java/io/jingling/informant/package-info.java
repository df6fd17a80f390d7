/**
 * Informants (线人): members of the six circles, known to officers by pseudonym only. Their
 * real identities (platform ids, name, phone) are sealed under a key from the
 * environment; the hub opens them only to talk to the informant on the platform they came
 * from.
 */
package io.jingling.informant;
