/**
 * The {@code 协查} command: reads the circles and the content, picks the case officer, and
 * answers an {@code OpenAssistRequest}. Public only because the command bot one package
 * up dispatches to it.
 */
package io.jingling.bots.command.assist;
