package io.jingling.connectors.dingtalk.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.dingtalk.open.app.api.message.GenericOpenDingTalkEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import shade.com.alibaba.fastjson2.JSONWriter;

/**
 * Turns what DingTalk delivers into a {@link DingTalkEvent}. Over HTTP the decrypted
 * payload is flat: the envelope ({@code EventType} or {@code eventType},
 * {@code EventTime} or {@code eventBornTime} in ms as a number or a string,
 * {@code CorpId}, {@code BizId}, {@code eventId}) sits beside the event's own fields,
 * which become {@code data}. Over Stream the envelope comes from the frame's headers and
 * {@code data} is the frame's {@code data} document; there is no {@code BizId}. When an
 * HTTP payload has no {@code eventId}, the {@code BizId} stands in, and without that, the
 * type and time ({@code <type>@<ms>}, or the type alone when there is no time).
 */
public final class DingTalkEvents {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<String> ENVELOPE = List.of("EventType", "eventType", "EventTime", "eventBornTime",
			"CorpId", "BizId", "eventId");

	private DingTalkEvents() {
	}

	/**
	 * Maps a decrypted HTTP callback payload.
	 * @throws IllegalArgumentException if it is not a JSON object, has no event type, or
	 * has a time that is not a whole number of ms; the message never quotes the payload
	 */
	public static DingTalkEvent fromHttp(String decryptedJson) {
		if (decryptedJson == null) {
			throw new IllegalArgumentException("DingTalk event payload is missing");
		}
		JsonNode root;
		try {
			root = JSON.readTree(decryptedJson);
		}
		catch (JsonProcessingException ex) {
			// Jackson's message quotes the offending text, which may be personal data.
			var at = ex.getLocation();
			throw new IllegalArgumentException("DingTalk event payload is not JSON"
					+ ((at != null) ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : ""));
		}
		if (!(root instanceof ObjectNode object)) {
			throw new IllegalArgumentException("DingTalk event payload is not a JSON object");
		}
		String type = requireType(text(object, "EventType", "eventType"));
		Long bornMillis = millis(object, "EventTime", "eventBornTime");
		String bizId = text(object, "BizId");
		String eventId = firstNonBlank(text(object, "eventId"), bizId, fallbackId(type, bornMillis));
		ObjectNode data = object.deepCopy();
		data.remove(ENVELOPE);
		return new DingTalkEvent(eventId, type, text(object, "CorpId"), instant(bornMillis), bizId, data);
	}

	/**
	 * Maps an event the Stream SDK received.
	 * @throws IllegalArgumentException if it has no event type
	 */
	public static DingTalkEvent fromStream(GenericOpenDingTalkEvent event) {
		String type = requireType(event.getEventType());
		Long bornMillis = event.getEventBornTime();
		JsonNode data;
		try {
			data = (event.getData() != null)
					? JSON.readTree(event.getData().toJSONString(JSONWriter.Feature.WriteNulls))
					: JSON.createObjectNode();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("fastjson2 wrote JSON that Jackson cannot read", ex);
		}
		String eventId = firstNonBlank(event.getEventId(), fallbackId(type, bornMillis));
		return new DingTalkEvent(eventId, type, event.getEventCorpId(), instant(bornMillis), null, data);
	}

	/**
	 * The first of {@code names} that holds a string, number or boolean in {@code data},
	 * as text; null when none does. For fields DingTalk spells more than one way, such as
	 * {@code text(data, "userId", "UserId")}.
	 */
	public static String text(JsonNode data, String... names) {
		JsonNode value = first(data, names);
		return (value != null) ? value.asText() : null;
	}

	/**
	 * The first of {@code names} that holds a string, number or boolean in {@code data},
	 * as a whole number; DingTalk sends some times as strings ({@code OperatTime}).
	 * @throws IllegalArgumentException if none of them holds a value, or the value is not
	 * a whole number
	 */
	public static long number(JsonNode data, String... names) {
		JsonNode value = first(data, names);
		if (value == null) {
			throw new IllegalArgumentException("DingTalk event has none of " + Arrays.toString(names));
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return value.longValue();
		}
		Long parsed = value.isTextual() ? parseWhole(value.textValue()) : null;
		if (parsed != null) {
			return parsed;
		}
		throw new IllegalArgumentException("DingTalk event field " + Arrays.toString(names) + " is not a whole number");
	}

	private static Long parseWhole(String text) {
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static JsonNode first(JsonNode data, String... names) {
		if (data == null) {
			return null;
		}
		for (String name : names) {
			JsonNode value = data.get(name);
			if (value != null && value.isValueNode() && !value.isNull()) {
				return value;
			}
		}
		return null;
	}

	private static Long millis(JsonNode root, String... names) {
		return (first(root, names) != null) ? number(root, names) : null;
	}

	private static String requireType(String type) {
		if (type == null || type.isBlank()) {
			throw new IllegalArgumentException("DingTalk event has no event type");
		}
		return type;
	}

	private static String fallbackId(String type, Long bornMillis) {
		return (bornMillis != null) ? type + "@" + bornMillis : type;
	}

	// The last candidate is the fallback id, never blank.
	private static String firstNonBlank(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate;
			}
		}
		return candidates[candidates.length - 1];
	}

	private static Instant instant(Long millis) {
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

}
