package io.jingling.connectors.dingtalk.client;

import java.util.List;
import java.util.Objects;

/**
 * A robot one-to-one message to up to {@value #MAX_USERS} users, named by their DingTalk
 * userIds.
 */
public record UserMessage(List<String> userIds, MessageContent content) {

	/** The most recipients DingTalk takes in one batchSend call. */
	public static final int MAX_USERS = 20;

	public UserMessage {
		userIds = List.copyOf(userIds);
		Objects.requireNonNull(content, "content");
	}

}
