/**
 * Versioned configs: the database is the source of truth for what admins edit. Every edit
 * is checked before it applies, becomes a new version (content, author, time, reason,
 * diff) and can be rolled back by activating an earlier version as a new one.
 */
package io.jingling.config;
