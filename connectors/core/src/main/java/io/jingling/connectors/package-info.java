/**
 * What every platform connector shares: the kinds of failure the hub's outbox acts on
 * (transient, throttled, permanent). Nothing platform-specific lives here.
 */
package io.jingling.connectors;
