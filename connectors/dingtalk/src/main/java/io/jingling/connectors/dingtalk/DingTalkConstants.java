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

	/** Set after a DING: the id DingTalk gave it, for recall and read status. */
	@Metadata(label = "producer", description = "The openDingId DingTalk gave the sent DING.", javaType = "String")
	public static final String OPEN_DING_ID = "CamelDingTalkOpenDingId";

	/** Set after a work notification: its task id, for the send result and recall. */
	@Metadata(label = "producer", description = "The task_id DingTalk gave the work notification.", javaType = "Long")
	public static final String TASK_ID = "CamelDingTalkTaskId";

	private DingTalkConstants() {
	}

}
