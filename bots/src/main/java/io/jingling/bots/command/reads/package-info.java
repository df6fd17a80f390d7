/** {@code 已读}: the read status of an order. */
package io.jingling.bots.command.reads;
