package io.jingling.inbound;

import java.time.Instant;

import io.jingling.bots.engine.ConversationType;

/**
 * Where an answer to an inbound robot message goes: the session webhook while it is
 * valid, else the conversation itself.
 *
 * @param sessionWebhook the platform's reply URL (a short-lived credential: never logged)
 * @param sessionExpiresAt when the session webhook stops working
 * @param conversationId the group's openConversationId, or the one-to-one conversation
 * @param conversationType group or one-to-one
 * @param senderUserId the sender, for one-to-one answers once the session has expired
 */
public record ReplyChannel(String sessionWebhook, Instant sessionExpiresAt, String conversationId,
		ConversationType conversationType, String senderUserId) {

	@Override
	public String toString() {
		return "ReplyChannel[conversationId=" + conversationId + ", type=" + conversationType + ", expiresAt="
				+ sessionExpiresAt + "]";
	}

}
