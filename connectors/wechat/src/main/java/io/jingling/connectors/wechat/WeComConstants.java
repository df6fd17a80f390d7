package io.jingling.connectors.wechat;

import org.apache.camel.spi.Metadata;

/** Message headers the {@code wecom} component sets. */
public final class WeComConstants {

	/**
	 * Set after {@code create-group-task} and {@code send-kf-text}: the msgid WeCom gave
	 * the task or the reply, for status queries, reminders and cancels.
	 */
	@Metadata(label = "producer", description = "The msgid WeCom gave the group task or the 微信客服 reply.",
			javaType = "String")
	public static final String MSG_ID = "CamelWeComMsgId";

	private WeComConstants() {
	}

}
