package io.jingling.bots.command.recall;

import io.jingling.bots.command.OrderCode;
import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.RecallOrder;
import io.jingling.bots.engine.Reply;
import io.jingling.bots.engine.RobotMessageReceived;

/**
 * {@code 撤回 <警令编号>}: recalls an order and stops its escalation. The caller has already
 * checked that the sender is a dispatcher; whether the order exists is for the hub to
 * say.
 */
public final class RecallCommand {

	private static final String USAGE = "用法：撤回 <警令编号>，例：撤回 JL-20261130-001";

	/**
	 * Answers a {@link RecallOrder}, or a {@link Reply} saying how to write the command.
	 * @param arguments the text after the command word, stripped
	 */
	public Action handle(String arguments, RobotMessageReceived message) {
		return OrderCode.parse(arguments)
			.<Action>map((code) -> new RecallOrder(code, message.senderUserId()))
			.orElseGet(() -> new Reply("请写明要撤回的警令编号。\n\n" + USAGE));
	}

}
