/**
 * Runs the rules engine on inbox events: loads and hot-reloads the rule files, offers the
 * engine a read-only view of the hub's state, and applies the actions it returns in one
 * transaction with the inbox claim, so an event's effects happen once or not at all.
 */
package io.jingling.engine;
