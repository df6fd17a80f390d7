package io.jingling.bots.engine;

import java.util.List;
import java.util.Objects;

/**
 * Sends a markdown message one-to-one to each of the users.
 *
 * @param title the title DingTalk shows in the conversation list
 * @param text DingTalk markdown
 */
public record SendToUsers(List<String> userIds, String title, String text) implements Action {

	public SendToUsers {
		userIds = List.copyOf(userIds);
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(text, "text");
	}

	@Override
	public String toString() {
		return "SendToUsers[userIds=" + this.userIds + ", title=" + this.title + ", textLength=" + this.text.length()
				+ "]";
	}

}
