/**
 * The DingTalk command bot: parses what a user writes to the robot and answers with
 * actions, one sub-package per command ({@code order}, {@code assist}, {@code status},
 * {@code close}, {@code relay}); help, refusals and the texts the routes module also
 * sends are here. The bot only reads {@code State}; assigning codes, sending and tracking
 * are the routes module's work.
 */
package io.jingling.bots.command;
