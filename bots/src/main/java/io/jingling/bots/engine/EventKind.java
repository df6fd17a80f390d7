package io.jingling.bots.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;

/**
 * The event types rules can name, with the variables their conditions may use. Each
 * variable is declared to CEL so that a typo in a condition fails when the rules load,
 * not when an event comes.
 */
enum EventKind {

	ROBOT_MESSAGE_RECEIVED(RobotMessageReceived.class,
			Map.of("event.text", SimpleType.STRING, "event.conversationId", SimpleType.STRING, "event.conversationType",
					SimpleType.STRING, "event.senderUserId", SimpleType.STRING, "event.senderName", SimpleType.STRING,
					"channel", SimpleType.STRING, "sender.dispatcher", SimpleType.BOOL, "sender.officer",
					SimpleType.BOOL)) {

		@Override
		Map<String, Object> variables(Event event, State state) {
			RobotMessageReceived message = (RobotMessageReceived) event;
			Optional<Officer> sender = state.officer(message.senderUserId());
			String channel = state.group(message.conversationId()).map(Group::channel).orElse("");
			return Map.of("event.text", message.text(), "event.conversationId", message.conversationId(),
					"event.conversationType", message.conversationType().name().toLowerCase(Locale.ROOT),
					"event.senderUserId", message.senderUserId(), "event.senderName", message.senderName(), "channel",
					channel, "sender.dispatcher", sender.map(Officer::dispatcher).orElse(false), "sender.officer",
					sender.isPresent());
		}

	},

	ASSIST_REQUEST_OPENED(AssistRequestOpened.class,
			Map.of("event.code", SimpleType.STRING, "event.circles", ListType.create(SimpleType.STRING), "event.urgent",
					SimpleType.BOOL, "event.sensitive", SimpleType.BOOL, "event.content", SimpleType.STRING)) {

		@Override
		Map<String, Object> variables(Event event, State state) {
			AssistRequestOpened request = (AssistRequestOpened) event;
			return Map.of("event.code", request.code(), "event.circles", request.circleIds(), "event.urgent",
					request.urgent(), "event.sensitive", request.sensitive(), "event.content", request.content());
		}

	},

	INFORMANT_MESSAGE_RECEIVED(InformantMessageReceived.class,
			Map.of("event.circle", SimpleType.STRING, "event.township", SimpleType.STRING, "event.channel",
					SimpleType.STRING, "event.kind", SimpleType.STRING, "event.text", SimpleType.STRING)) {

		@Override
		Map<String, Object> variables(Event event, State state) {
			InformantMessageReceived message = (InformantMessageReceived) event;
			return Map.of("event.circle", message.circleId(), "event.township", message.township(), "event.channel",
					message.channel(), "event.kind", message.kind(), "event.text", message.text());
		}

	};

	private final Class<? extends Event> type;

	private final Map<String, CelType> declarations;

	EventKind(Class<? extends Event> type, Map<String, CelType> declarations) {
		this.type = type;
		this.declarations = declarations;
	}

	/** The values of the declared variables for one event. */
	abstract Map<String, Object> variables(Event event, State state);

	/** The name rules use in {@code event:}, the event record's simple name. */
	String typeName() {
		return this.type.getSimpleName();
	}

	Map<String, CelType> declarations() {
		return this.declarations;
	}

	static Optional<EventKind> named(String name) {
		return Arrays.stream(values()).filter((kind) -> kind.typeName().equals(name)).findFirst();
	}

	static EventKind of(Event event) {
		return Arrays.stream(values())
			.filter((kind) -> kind.type.isInstance(event))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no rules can match " + event.getClass().getName()));
	}

	static String names() {
		return Arrays.stream(values()).map(EventKind::typeName).collect(Collectors.joining(", "));
	}

}
