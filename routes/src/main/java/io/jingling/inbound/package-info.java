/**
 * Callbacks from the platforms: verified by the platform's own scheme, parsed into the
 * engine's events, stored in the inbox (unique on the platform's message id) and answered
 * fast. The work happens after the answer, from the inbox.
 */
package io.jingling.inbound;
