package io.jingling.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.connectors.dingtalk.client.DingKind;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.connectors.dingtalk.client.Recall;
import io.jingling.inbound.ReplyChannel;

/**
 * What one outbox row sends; exactly one of the addressing fields is set.
 *
 * @param content the message (for a KF text, its markdown is the plain text)
 * @param openConversationId a group, for group messages
 * @param userId one officer, for one-to-one messages
 * @param reply the conversation an inbound message came from, for answers
 * @param task a WeCom customer-group task, for broadcasts
 * @param memberId an informant, for KF texts (the identity is opened only when sending)
 * @param msgId a WeCom task, for reminders; an assist request's code, for approvals
 * @param sms a number, template and parameters, for Aliyun SMS
 * @param dingKind how a DING reaches the officer (in the app, by SMS); in the app when
 * absent
 * @param recall what to take back, for recalls
 */
record OutboxPayload(MessageContent content, String openConversationId, String userId, ReplyChannel reply,
		GroupTaskPlan task, Long memberId, String msgId, SmsPlan sms, DingKind dingKind, Recall recall) {

	OutboxPayload(MessageContent content, String openConversationId, String userId, ReplyChannel reply,
			GroupTaskPlan task, Long memberId, String msgId) {
		this(content, openConversationId, userId, reply, task, memberId, msgId, null, null, null);
	}

	@Override
	public String toString() {
		return "OutboxPayload[group=" + this.openConversationId + ", reply=" + this.reply + ", task=" + this.task + "]";
	}

	/** The row's stored JSON, read back. */
	static OutboxPayload read(ObjectMapper json, String payload) {
		try {
			return json.readValue(payload, OutboxPayload.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("outbox payload cannot be read", ex);
		}
	}

	String write(ObjectMapper json) {
		try {
			return json.writeValueAsString(this);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("outbox payload cannot be serialised", ex);
		}
	}

}
