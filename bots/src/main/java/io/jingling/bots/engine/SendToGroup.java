package io.jingling.bots.engine;

import java.util.Objects;

/**
 * Sends a markdown message to a DingTalk group through the app robot.
 *
 * @param title the title DingTalk shows in the conversation list
 * @param text DingTalk markdown
 */
public record SendToGroup(String openConversationId, String title, String text) implements Action {

	public SendToGroup {
		Objects.requireNonNull(openConversationId, "openConversationId");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(text, "text");
	}

	@Override
	public String toString() {
		return "SendToGroup[openConversationId=" + this.openConversationId + ", title=" + this.title + ", textLength="
				+ this.text.length() + "]";
	}

}
