package io.jingling.connectors.dingtalk;

import org.apache.camel.spi.Metadata;

/** Message headers the {@code dingtalk} component sets. */
public final class DingTalkConstants {

	/**
	 * Set after a send: the key DingTalk gave the message, for read-status queries and
	 * recall.
	 */
	@Metadata(label = "producer", description = "The processQueryKey DingTalk gave the sent message.",
			javaType = "String")
	public static final String PROCESS_QUERY_KEY = "CamelDingTalkProcessQueryKey";

	private DingTalkConstants() {
	}

}
