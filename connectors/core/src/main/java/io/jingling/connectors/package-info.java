/**
 * What every platform connector shares: the kinds of failure the hub's outbox acts on
 * (transient, throttled, permanent), and the watch told when a platform refuses to issue
 * an access token. Nothing platform-specific lives here.
 */
package io.jingling.connectors;
