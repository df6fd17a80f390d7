package io.jingling.connectors.dingtalk.events;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One DingTalk event, whichever way it came (HTTP callback or Stream). {@code eventId} is
 * what to deduplicate on. {@code corpId}, {@code bornAt} and {@code bizId} may be null:
 * Stream events carry no {@code bizId}, and the console's {@code check_url} carries
 * nothing but its type. {@code data} holds the event's own fields with their keys as
 * DingTalk sent them (for {@code robot_msg_read}, {@code UserId} over HTTP but
 * {@code userId} over Stream); read them with {@link DingTalkEvents#text} and
 * {@link DingTalkEvents#number}. {@code toString()} shows the id and type only, since the
 * fields name people.
 */
public record DingTalkEvent(String eventId, String eventType, String corpId, Instant bornAt, String bizId,
		JsonNode data) {

	public DingTalkEvent {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(eventType, "eventType");
		if (data == null) {
			data = JsonNodeFactory.instance.objectNode();
		}
	}

	@Override
	public String toString() {
		return "DingTalkEvent[eventId=" + this.eventId + ", eventType=" + this.eventType + "]";
	}

}
