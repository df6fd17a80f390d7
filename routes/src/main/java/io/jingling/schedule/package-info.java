/**
 * Work with a due time: rows in {@code due_work} judged against the hub's clock, run by a
 * tick that Quartz fires from its JDBC job store.
 */
package io.jingling.schedule;
