/**
 * The durable outbox: every action that leaves the hub is a row per recipient, written in
 * the transaction of the state change that caused it, unique per (action, recipient), and
 * delivered by a Camel route with pacing per robot and group, bounded retries and a
 * dead-letter table.
 */
package io.jingling.outbox;
