package io.jingling.outbox;

import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.inbound.ReplyChannel;

/**
 * What one outbox row sends; exactly one of the addressing fields is set.
 *
 * @param content the message
 * @param openConversationId a group, for group messages
 * @param userId one officer, for one-to-one messages
 * @param reply the conversation an inbound message came from, for answers
 */
record OutboxPayload(MessageContent content, String openConversationId, String userId, ReplyChannel reply) {

	@Override
	public String toString() {
		return "OutboxPayload[group=" + openConversationId + ", reply=" + reply + "]";
	}

}
