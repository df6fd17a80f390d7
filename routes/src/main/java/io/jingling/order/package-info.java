/**
 * Orders (警令): a dispatcher's message to a group, to named officers or to every officer,
 * stored with its code and sent through the outbox, one row per recipient.
 */
package io.jingling.order;
