/**
 * The {@code 回复} command: checks the tip's code, the content and that the sender is the
 * tip's case officer or a dispatcher, and answers a {@code RelayToInformant}. Public only
 * because the command bot one package up dispatches to it.
 */
package io.jingling.bots.command.relay;
