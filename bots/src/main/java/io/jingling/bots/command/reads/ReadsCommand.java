package io.jingling.bots.command.reads;

import io.jingling.bots.command.OrderCode;
import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.Reply;
import io.jingling.bots.engine.State;

/**
 * {@code 已读 <警令编号>}: who has read an order and who has not, with the time since it was
 * sent. Anyone in the command group may ask.
 */
public final class ReadsCommand {

	private static final String USAGE = "用法：已读 <警令编号>，例：已读 JL-20261130-001";

	/**
	 * Answers a {@link Reply}: the read status, "not found", or how to write the command.
	 * @param arguments the text after the command word, stripped
	 */
	public Action handle(String arguments, State state) {
		return OrderCode.parse(arguments)
			.map((code) -> new Reply(state.readStatusOf(code).orElse("未找到警令 " + code + "。")))
			.orElseGet(() -> new Reply("请写明警令编号。\n\n" + USAGE));
	}

}
