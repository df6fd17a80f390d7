/**
 * Read statistics of orders: tracked messages polled until everyone has read them, the
 * read log, escalation of the unread, and the reports dispatchers see.
 */
package io.jingling.reads;
