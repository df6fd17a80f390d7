/** {@code 撤回}: recalling an order. */
package io.jingling.bots.command.recall;
