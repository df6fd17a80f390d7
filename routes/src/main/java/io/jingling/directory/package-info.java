/**
 * The bureau's directory: officers and their roles, DingTalk groups and members, the
 * circles. It is loaded from a YAML file into the database at start-up and read from an
 * in-memory snapshot.
 */
package io.jingling.directory;
