package io.jingling.connectors.dingtalk.client;

import java.util.Objects;

/**
 * A markdown message: DingTalk shows {@code title} in the notification and chat list, and
 * renders {@code markdown} in the conversation. Sent as msgKey {@code sampleMarkdown}.
 */
public record MessageContent(String title, String markdown) {

	public MessageContent {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(markdown, "markdown");
	}

	@Override
	public String toString() { // message text never reaches logs
		return "MessageContent[title=" + this.title.length() + " chars, markdown=" + this.markdown.length() + " chars]";
	}

}
