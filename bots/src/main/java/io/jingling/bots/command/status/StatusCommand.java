package io.jingling.bots.command.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.Reply;
import io.jingling.bots.engine.State;

/**
 * {@code 状态 <编号>}: the one-line status of an order ({@code JL-yyyyMMdd-NNN}), an assist
 * request ({@code XC-yyyyMMdd-NNN}) or a tip ({@code XS-yyyyMMdd-NNNN}). Anyone may ask.
 */
public final class StatusCommand {

	private static final String USAGE = "用法：状态 <编号>，例：状态 XC-20261130-007";

	private static final Pattern CODE = Pattern.compile("(?:JL|XC)-(\\d{8})-\\d{3}|XS-(\\d{8})-\\d{4}");

	private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

	private final Clock clock;

	private final ZoneId zone;

	/**
	 * Creates the command; codes are dated in {@code zone}, so no code can be dated after
	 * today there.
	 */
	public StatusCommand(Clock clock, ZoneId zone) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.zone = Objects.requireNonNull(zone, "zone");
	}

	/**
	 * Answers a {@link Reply}: the status, "not found", or what is wrong with the code.
	 * @param arguments the text after the command word, stripped
	 */
	public Action handle(String arguments, State state) {
		if (arguments.isEmpty()) {
			return new Reply("请写明要查的编号。\n\n" + USAGE);
		}
		String code = SPACE.split(arguments, 2)[0].toUpperCase(Locale.ROOT);
		Matcher matcher = CODE.matcher(code);
		if (!matcher.matches()) {
			return new Reply("编号格式不对：警令如 JL-20261130-001，协查如 XC-20261130-007，线索如 XS-20261130-0001。");
		}
		if (!datedUpToToday((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2))) {
			return new Reply("编号 " + code + " 的日期不对，请核对后再查。");
		}
		return new Reply(state.statusOf(code).orElse("未找到编号 " + code + "。"));
	}

	private boolean datedUpToToday(String yyyyMMdd) {
		try {
			return !LocalDate.parse(yyyyMMdd, CODE_DATE).isAfter(LocalDate.now(this.clock.withZone(this.zone)));
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
