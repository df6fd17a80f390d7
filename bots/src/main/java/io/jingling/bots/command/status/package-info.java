/**
 * The {@code 状态} command: checks a code's format and date and answers its status from
 * {@code State}. Public only because the command bot one package up dispatches to it.
 */
package io.jingling.bots.command.status;
