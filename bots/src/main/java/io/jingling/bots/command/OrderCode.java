package io.jingling.bots.command;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** An order's code as written after a command word, e.g. {@code JL-20261130-001}. */
public final class OrderCode {

	private static final Pattern CODE = Pattern.compile("JL-\\d{8}-\\d{3}");

	private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

	private OrderCode() {
	}

	/** The code the arguments start with, upper-cased, if they start with one. */
	public static Optional<String> parse(String arguments) {
		String first = SPACE.split(arguments.strip(), 2)[0].toUpperCase(Locale.ROOT);
		return CODE.matcher(first).matches() ? Optional.of(first) : Optional.empty();
	}

}
