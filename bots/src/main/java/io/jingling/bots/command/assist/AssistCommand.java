package io.jingling.bots.command.assist;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.Circle;
import io.jingling.bots.engine.OpenAssistRequest;
import io.jingling.bots.engine.Reply;
import io.jingling.bots.engine.RobotMessageReceived;
import io.jingling.bots.engine.State;

/**
 * {@code 协查 [紧急] [敏感] <圈子…|全部> <内容>}: opens an assist request to the named circles.
 * {@code 紧急} also reaches consenting informants by SMS; {@code 敏感} holds it for a
 * leader's approval (as the default rules do for {@code 全部}). The case officer is the
 * first @-mentioned known officer, else the sender. The caller has already checked that
 * the sender is a dispatcher.
 */
public final class AssistCommand {

	private static final String USAGE = "用法：协查 [紧急] [敏感] <圈子> <内容>，例：协查 交通、房屋 寻找灰色面包车，车牌尾号 357";

	private static final String URGENT = "紧急";

	private static final String SENSITIVE = "敏感";

	private static final Pattern FLAG = Pattern.compile("^(紧急|敏感)(?:\\s+|$)", Pattern.UNICODE_CHARACTER_CLASS);

	// a mention is "@name" at the start or after a space; "a@b.com" in the content is not
	// one
	private static final Pattern MENTION = Pattern.compile("(?<!\\S)@\\S+[\\h]*", Pattern.UNICODE_CHARACTER_CLASS);

	/**
	 * Answers an {@link OpenAssistRequest}, or a {@link Reply} saying what is missing.
	 * @param arguments the text after the command word, stripped
	 */
	public Action handle(String arguments, RobotMessageReceived message, State state) {
		boolean urgent = false;
		boolean sensitive = false;
		String rest = arguments;
		Matcher flag = FLAG.matcher(rest);
		while (flag.find()) {
			urgent = urgent || flag.group(1).equals(URGENT);
			sensitive = sensitive || flag.group(1).equals(SENSITIVE);
			rest = rest.substring(flag.end());
			flag = FLAG.matcher(rest);
		}
		List<Circle> circles = state.circles();
		CircleSelection selection = CircleSelection.parse(rest, circles);
		if (selection.circleIds().isEmpty()) {
			return reply("请写明发往哪些圈子：" + circles.stream().map(Circle::name).collect(Collectors.joining("、")) + "，或「"
					+ CircleSelection.ALL + "」。");
		}
		String content = MENTION.matcher(selection.content()).replaceAll("").strip();
		if (content.isEmpty()) {
			return reply("缺少协查内容。");
		}
		String caseOfficer = message.atUserIds()
			.stream()
			.filter((userId) -> state.officer(userId).isPresent())
			.findFirst()
			.orElse(message.senderUserId());
		return new OpenAssistRequest(selection.circleIds(), content, caseOfficer, state.assistValidity(),
				message.senderUserId(), urgent, sensitive);
	}

	private static Reply reply(String reason) {
		return new Reply(reason + "\n\n" + USAGE);
	}

}
