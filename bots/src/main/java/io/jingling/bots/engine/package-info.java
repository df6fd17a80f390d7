/**
 * The rules engine: events in, actions out. Holds the event and action records the routes
 * module maps to and from the platforms, the read-only
 * {@link io.jingling.bots.engine.State} it consults, and the loading of rule files with
 * their CEL conditions compiled once. Nothing here does I/O apart from reading rule
 * files, reads a clock, or knows about Camel, HTTP or the database; the bots that turn a
 * message into actions live in {@code io.jingling.bots.command} and
 * {@code io.jingling.bots.tip}.
 */
package io.jingling.bots.engine;
