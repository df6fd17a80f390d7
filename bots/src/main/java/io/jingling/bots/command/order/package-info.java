/**
 * The {@code 警令} command: finds the order's target (everyone, a group, named officers)
 * and answers a {@code PostOrder}. Public only because the command bot one package up
 * dispatches to it.
 */
package io.jingling.bots.command.order;
