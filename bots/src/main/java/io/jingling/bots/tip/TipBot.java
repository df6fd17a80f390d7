package io.jingling.bots.tip;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.AssistRequestView;
import io.jingling.bots.engine.InformantMessageReceived;
import io.jingling.bots.engine.OptOut;
import io.jingling.bots.engine.RecordTip;
import io.jingling.bots.engine.State;

/**
 * The circle tip bot: {@code 退订} (or {@code TD}) opts the member out of broadcasts;
 * anything else is one tip, linked to the first open assist request found by, in order,
 * the code the KF link carried, a code in the text ({@code XC-20261130-007}, or
 * {@code XC-7} for today's request 007), and the latest open request in the member's
 * circle. Whatever the informant writes, the answer is actions, never an exception.
 */
public final class TipBot {

	private static final Logger log = LoggerFactory.getLogger(TipBot.class);

	private static final Set<String> OPT_OUT_WORDS = Set.of("退订", "TD");

	// informants type on phones, so lower case and the full-width dash are accepted;
	// the look-arounds keep "XC-12" out of "XC-1234" and "XC-1" out of "ABCXC-1"
	private static final Pattern ASSIST_CODE = Pattern
		.compile("(?<![A-Za-z])XC[-－](?:(\\d{8})[-－](\\d{3})|(\\d{1,3}))(?!\\d)", Pattern.CASE_INSENSITIVE);

	private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");

	private final Clock clock;

	private final ZoneId zone;

	/**
	 * Creates the bot; it keeps no state between messages.
	 * @param clock the hub's clock, for the date of short codes such as {@code XC-7}
	 * @param zone the bureau's time zone, in which codes are dated
	 */
	public TipBot(Clock clock, ZoneId zone) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.zone = Objects.requireNonNull(zone, "zone");
	}

	/**
	 * Answers {@link OptOut} for {@code 退订}, otherwise one {@link RecordTip}. A failing
	 * {@link State} is not caught, so the event can be retried and no tip is lost.
	 */
	public List<Action> handle(InformantMessageReceived message, State state) {
		if (OPT_OUT_WORDS.contains(message.text().strip().toUpperCase(Locale.ROOT))) {
			log.info("tip.handle opt-out eventId={}", message.eventId());
			return List.of(new OptOut(message.memberId()));
		}
		RecordTip tip = link(message, state);
		log.info("tip.handle linked-by={} eventId={} assistCode={} kind={} textLength={}", tip.linkedBy(),
				message.eventId(), tip.assistCode(), message.kind(), message.text().length());
		return List.of(tip);
	}

	private RecordTip link(InformantMessageReceived message, State state) {
		Optional<AssistRequestView> bySceneParam = message.sceneParam().isBlank() ? Optional.empty()
				: open(state.assistRequest(message.sceneParam().strip().toUpperCase(Locale.ROOT)));
		if (bySceneParam.isPresent()) {
			return tip(message, bySceneParam.get(), RecordTip.BY_SCENE_PARAM);
		}
		Optional<AssistRequestView> byCode = codeInText(message.text(), state);
		if (byCode.isPresent()) {
			return tip(message, byCode.get(), RecordTip.BY_CODE_IN_TEXT);
		}
		Optional<AssistRequestView> latest = message.circleId().isEmpty() ? Optional.empty()
				: open(state.latestOpenAssistRequest(message.circleId()));
		if (latest.isPresent()) {
			return tip(message, latest.get(), RecordTip.BY_LATEST_IN_CIRCLE);
		}
		return new RecordTip(message.memberId(), null, RecordTip.NOT_LINKED, message);
	}

	private Optional<AssistRequestView> codeInText(String text, State state) {
		Matcher matcher = ASSIST_CODE.matcher(text);
		while (matcher.find()) {
			Optional<AssistRequestView> request = open(state.assistRequest(code(matcher)));
			if (request.isPresent()) {
				return request;
			}
		}
		return Optional.empty();
	}

	private String code(Matcher matcher) {
		if (matcher.group(1) != null) {
			return "XC-" + matcher.group(1) + "-" + matcher.group(2);
		}
		String today = CODE_DATE.format(LocalDate.now(this.clock.withZone(this.zone)));
		return "XC-" + today + "-" + String.format("%03d", Integer.parseInt(matcher.group(3)));
	}

	private static Optional<AssistRequestView> open(Optional<AssistRequestView> request) {
		return request.filter(AssistRequestView::open);
	}

	private static RecordTip tip(InformantMessageReceived message, AssistRequestView request, String linkedBy) {
		return new RecordTip(message.memberId(), request.code(), linkedBy, message);
	}

}
