package io.jingling.connectors.dingtalk.client;

import java.util.List;
import java.util.Objects;

/**
 * A robot DING (钉一下) to 1 to {@link DingKind#maxReceivers()} users, named by their
 * DingTalk userIds. {@code toString()} hides the content.
 */
public record Ding(List<String> userIds, String content, DingKind kind) {

	public Ding {
		userIds = List.copyOf(userIds);
		Objects.requireNonNull(kind, "kind");
		if (userIds.isEmpty() || userIds.size() > kind.maxReceivers()) {
			throw new IllegalArgumentException(
					kind + " DING takes 1 to " + kind.maxReceivers() + " receivers, got " + userIds.size());
		}
		if (content == null || content.isBlank()) {
			throw new IllegalArgumentException("DING content is blank");
		}
	}

	@Override
	public String toString() { // the content is an order, and orders stay out of logs
		return "Ding[userIds=" + this.userIds.size() + ", content=(hidden), kind=" + this.kind + "]";
	}

}
