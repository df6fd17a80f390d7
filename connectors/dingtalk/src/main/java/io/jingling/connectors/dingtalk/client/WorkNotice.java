package io.jingling.connectors.dingtalk.client;

import java.util.List;
import java.util.Objects;

/**
 * A work notification (工作通知) from the app to 1 to {@value #MAX_USERS} users, named by
 * their DingTalk userIds, sent as markdown. {@code toString()} hides the content.
 */
public record WorkNotice(List<String> userIds, MessageContent content) {

	/**
	 * The most userIds one call takes; DingTalk also reports read status only for sends
	 * to at most this many.
	 */
	public static final int MAX_USERS = 100;

	public WorkNotice {
		userIds = List.copyOf(userIds);
		Objects.requireNonNull(content, "content");
		if (userIds.isEmpty() || userIds.size() > MAX_USERS) {
			throw new IllegalArgumentException(
					"A work notice takes 1 to " + MAX_USERS + " userIds, got " + userIds.size());
		}
		if (userIds.stream().anyMatch((userId) -> userId.isBlank() || userId.contains(","))) {
			// DingTalk takes the list as one comma-separated string
			throw new IllegalArgumentException("A work notice userId is blank or contains a comma");
		}
	}

	@Override
	public String toString() { // the content is an order, and orders stay out of logs
		return "WorkNotice[userIds=" + this.userIds.size() + ", content=(hidden)]";
	}

}
