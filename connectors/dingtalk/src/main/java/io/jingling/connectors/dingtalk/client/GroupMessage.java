package io.jingling.connectors.dingtalk.client;

import java.util.Objects;

/**
 * A robot message to one group, named by its {@code openConversationId} (it starts with
 * {@code cid}).
 */
public record GroupMessage(String openConversationId, MessageContent content) {

	public GroupMessage {
		Objects.requireNonNull(openConversationId, "openConversationId");
		Objects.requireNonNull(content, "content");
	}

}
