package io.jingling.bots.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A DingTalk user @-mentioned the robot in a group, or wrote to it one-to-one. Absent
 * strings become empty strings (DingTalk drops the text when the organisation is over its
 * message quota, and external members have no user id), so rules and bots never meet
 * {@code null}.
 *
 * @param conversationId the group's openConversationId, or the one-to-one conversation id
 * @param senderUserId the sender's DingTalk userId (staffId)
 * @param atUserIds the userIds the message @-mentions, in order
 */
public record RobotMessageReceived(String eventId, Instant occurredAt, String conversationId,
		ConversationType conversationType, String conversationTitle, String senderUserId, String senderName,
		String text, List<String> atUserIds) implements Event {

	public RobotMessageReceived {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(conversationType, "conversationType");
		conversationId = Objects.requireNonNullElse(conversationId, "");
		conversationTitle = Objects.requireNonNullElse(conversationTitle, "");
		senderUserId = Objects.requireNonNullElse(senderUserId, "");
		senderName = Objects.requireNonNullElse(senderName, "");
		text = Objects.requireNonNullElse(text, "");
		atUserIds = (atUserIds != null) ? List.copyOf(atUserIds) : List.of();
	}

	/**
	 * Message bodies and names never reach logs: ids, type and the text's length only.
	 */
	@Override
	public String toString() {
		return "RobotMessageReceived[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", conversationId="
				+ this.conversationId + ", conversationType=" + this.conversationType + ", senderUserId="
				+ this.senderUserId + ", atUserIds=" + this.atUserIds + ", textLength=" + this.text.length() + "]";
	}

}
