package io.jingling.connectors.wechat.client;

import java.util.Objects;

/**
 * A 微信客服 text reply to one WeChat customer, the body of {@code wecom:send-kf-text}.
 * {@code toString()} hides both fields: the recipient is an informant.
 */
public record KfText(String externalUserId, String text) {

	public KfText {
		Objects.requireNonNull(externalUserId, "externalUserId");
		Objects.requireNonNull(text, "text");
	}

	@Override
	public String toString() {
		return "KfText[externalUserId=(hidden), textLength=" + this.text.length() + "]";
	}

}
