package io.jingling.bots.engine;

import java.util.Objects;

/**
 * Answers in the conversation the event came from.
 *
 * @param text DingTalk markdown
 */
public record Reply(String text) implements Action {

	public Reply {
		Objects.requireNonNull(text, "text");
	}

	@Override
	public String toString() {
		return "Reply[textLength=" + this.text.length() + "]";
	}

}
