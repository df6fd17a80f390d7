package io.jingling.connectors.dingtalk.client;

import java.util.List;
import java.util.Objects;

/**
 * A reply in the conversation a robot callback came from, posted to the callback's
 * {@code sessionWebhook} before its {@code sessionWebhookExpiredTime} (about 90 minutes).
 * {@code atUserIds} may be empty; the markdown should also contain {@code @userId} for
 * the mention to show.
 */
public record SessionReply(String sessionWebhook, MessageContent content, List<String> atUserIds) {

	public SessionReply {
		Objects.requireNonNull(sessionWebhook, "sessionWebhook");
		Objects.requireNonNull(content, "content");
		atUserIds = (atUserIds != null) ? List.copyOf(atUserIds) : List.of();
	}

	@Override
	public String toString() { // the webhook URL carries a session credential
		return "SessionReply[sessionWebhook=(hidden), content=" + this.content + ", atUserIds=" + this.atUserIds.size()
				+ "]";
	}

}
