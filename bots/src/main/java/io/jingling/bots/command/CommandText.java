package io.jingling.bots.command;

import java.util.Arrays;
import java.util.Optional;

/**
 * A message's text split into its command word and the rest. DingTalk may leave the
 * robot's own mention ({@code @警铃}) and leading spaces in the text, so those are dropped
 * first; the command word need not be followed by a space ({@code 状态JL-20261130-001}
 * works too).
 */
record CommandText(Keyword keyword, String arguments) {

	private static final String ROBOT_MENTION = "@警铃";

	static Optional<CommandText> parse(String text) {
		String rest = withoutLeadingMentions(text);
		return Arrays.stream(Keyword.values())
			.filter((keyword) -> rest.startsWith(keyword.word()))
			.findFirst()
			.map((keyword) -> new CommandText(keyword, rest.substring(keyword.word().length()).strip()));
	}

	private static String withoutLeadingMentions(String text) {
		String rest = text.strip();
		while (rest.startsWith("@")) {
			int end = rest.startsWith(ROBOT_MENTION) ? ROBOT_MENTION.length() : endOfWord(rest);
			rest = rest.substring(end).strip();
		}
		return rest;
	}

	private static int endOfWord(String text) {
		int end = 0;
		while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
			end++;
		}
		return end;
	}

}
