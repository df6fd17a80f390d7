package io.jingling.connectors.dingtalk.client;

import java.util.List;

/**
 * What DingTalk answered to a send. {@code processQueryKey} identifies the message for
 * read-status queries and recall; the two lists name one-to-one recipients DingTalk did
 * not reach (empty for groups).
 */
public record SentMessage(String processQueryKey, List<String> invalidUserIds, List<String> flowControlledUserIds) {

	public SentMessage {
		invalidUserIds = (invalidUserIds != null) ? List.copyOf(invalidUserIds) : List.of();
		flowControlledUserIds = (flowControlledUserIds != null) ? List.copyOf(flowControlledUserIds) : List.of();
	}

}
