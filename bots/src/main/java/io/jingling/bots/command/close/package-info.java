/**
 * The {@code 结案} command: checks the assist request's code, that it is still open and
 * that the sender may close it, and answers a {@code CloseAssistRequest}. Public only
 * because the command bot one package up dispatches to it.
 */
package io.jingling.bots.command.close;
