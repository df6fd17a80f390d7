package io.jingling.bots.command.relay;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.Officer;
import io.jingling.bots.engine.RelayToInformant;
import io.jingling.bots.engine.Reply;
import io.jingling.bots.engine.RobotMessageReceived;
import io.jingling.bots.engine.State;
import io.jingling.bots.engine.TipView;

/**
 * {@code 回复 <XS-编号> <内容>}: passes an officer's question on to the informant who sent the
 * tip. Only the tip's case officer and dispatchers may; the informant is named by the
 * tip's code only, never by who they are.
 */
public final class RelayCommand {

	private static final String USAGE = "用法：回复 <线索编号> <内容>，例：回复 XS-20261130-0001 车往哪个方向开了？";

	private static final Pattern CODE = Pattern.compile("XS-\\d{8}-\\d{4}");

	private static final Pattern FIRST_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

	/**
	 * Answers a {@link RelayToInformant}, or a {@link Reply} saying why not.
	 * @param arguments the text after the command word, stripped
	 */
	public Action handle(String arguments, RobotMessageReceived message, State state) {
		String[] parts = FIRST_SPACE.split(arguments, 2);
		if (parts[0].isEmpty()) {
			return new Reply("请写明线索编号和要转达的内容。\n\n" + USAGE);
		}
		String code = parts[0].toUpperCase(Locale.ROOT);
		if (!CODE.matcher(code).matches()) {
			return new Reply("线索编号格式不对，应如 XS-20261130-0001。\n\n" + USAGE);
		}
		if (parts.length < 2 || parts[1].isBlank()) {
			return new Reply("缺少要转达给线人的内容。\n\n" + USAGE);
		}
		Optional<TipView> tip = state.tip(code);
		if (tip.isEmpty()) {
			return new Reply("未找到线索 " + code + "，请核对编号。");
		}
		String sender = message.senderUserId();
		if (!mayRelay(sender, tip.get(), state)) {
			return new Reply("抱歉，线索 " + code + " 只能由主办民警或指挥中心调度员回复。");
		}
		return new RelayToInformant(code, parts[1].strip(), sender);
	}

	private static boolean mayRelay(String sender, TipView tip, State state) {
		return !sender.isEmpty()
				&& (sender.equals(tip.caseOfficer()) || state.officer(sender).map(Officer::dispatcher).orElse(false));
	}

}
