/**
 * The hub application: Camel routes that wire the connectors to the rules engine, the
 * domain state and its persistence, and the durable outbox. One sub-package per feature;
 * platform SDK types stay in the connectors, rules and bot logic stay in the bots module.
 */
package io.jingling;
