package io.jingling.bots.command.close;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.AssistRequestView;
import io.jingling.bots.engine.CloseAssistRequest;
import io.jingling.bots.engine.Officer;
import io.jingling.bots.engine.Reply;
import io.jingling.bots.engine.RobotMessageReceived;
import io.jingling.bots.engine.State;

/**
 * {@code 结案 <XC-编号>}: closes an open assist request. Dispatchers and the request's case
 * officer may close it; anyone else gets a polite refusal.
 */
public final class CloseCommand {

	private static final String USAGE = "用法：结案 <协查编号>，例：结案 XC-20261130-007";

	private static final Pattern CODE = Pattern.compile("XC-\\d{8}-\\d{3}");

	private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

	/**
	 * Answers a {@link CloseAssistRequest}, or a {@link Reply} saying why not.
	 * @param arguments the text after the command word, stripped
	 */
	public Action handle(String arguments, RobotMessageReceived message, State state) {
		if (arguments.isEmpty()) {
			return new Reply("请写明要结案的协查编号。\n\n" + USAGE);
		}
		String code = SPACE.split(arguments, 2)[0].toUpperCase(Locale.ROOT);
		if (!CODE.matcher(code).matches()) {
			return new Reply("协查编号格式不对，应如 XC-20261130-007。\n\n" + USAGE);
		}
		Optional<AssistRequestView> request = state.assistRequest(code);
		if (request.isEmpty()) {
			return new Reply("未找到协查 " + code + "，请核对编号。");
		}
		String sender = message.senderUserId();
		if (!mayClose(sender, request.get(), state)) {
			return new Reply("抱歉，协查 " + code + " 只能由主办民警或指挥中心调度员结案。");
		}
		if (!request.get().open()) {
			return new Reply("协查 " + code + " 已不在收集线索（" + request.get().status() + "），无需再结案。");
		}
		return new CloseAssistRequest(code, sender);
	}

	private static boolean mayClose(String sender, AssistRequestView request, State state) {
		return !sender.isEmpty() && (sender.equals(request.caseOfficer())
				|| state.officer(sender).map(Officer::dispatcher).orElse(false));
	}

}
