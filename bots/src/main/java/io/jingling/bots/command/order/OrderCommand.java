package io.jingling.bots.command.order;

import java.util.regex.Pattern;

import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.PostOrder;
import io.jingling.bots.engine.Reply;
import io.jingling.bots.engine.RobotMessageReceived;
import io.jingling.bots.engine.State;

/**
 * {@code 警令 [紧急] <对象> <内容>}: posts an order to everyone ({@code 全体}), to a group by its
 * name, or to officers by name ({@code 张三、李四}); {@code 紧急} puts it on the
 * {@link PostOrder#URGENT} escalation policy. The caller has already checked that the
 * sender is a dispatcher.
 */
public final class OrderCommand {

	private static final String USAGE = "用法：警令 [紧急] <对象> <内容>，例：警令 紧急 全体 今晚 20:00 全员到岗";

	private static final String URGENT_FLAG = "紧急";

	private static final Pattern FIRST_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

	/**
	 * Answers a {@link PostOrder}, or a {@link Reply} saying what is missing or unknown.
	 * @param arguments the text after the command word, stripped
	 */
	public Action handle(String arguments, RobotMessageReceived message, State state) {
		String[] parts = FIRST_SPACE.split(arguments, 2);
		String policy = "";
		if (parts[0].equals(URGENT_FLAG)) {
			policy = PostOrder.URGENT;
			parts = FIRST_SPACE.split((parts.length > 1) ? parts[1] : "", 2);
		}
		if (parts[0].isEmpty()) {
			return reply("请写明警令发给谁、内容是什么。");
		}
		if (parts.length < 2 || parts[1].isBlank()) {
			return reply("缺少警令内容。");
		}
		OrderTargets.Lookup lookup = OrderTargets.resolve(parts[0], state);
		if (lookup instanceof OrderTargets.Found found) {
			return new PostOrder(found.target(), parts[1].strip(), message.senderUserId(), policy);
		}
		return reply(((OrderTargets.NotFound) lookup).reason());
	}

	private static Reply reply(String reason) {
		return new Reply(reason + "\n\n" + USAGE);
	}

}
