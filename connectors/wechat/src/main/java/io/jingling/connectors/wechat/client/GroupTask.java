package io.jingling.connectors.wechat.client;

import java.util.List;

/**
 * A created customer-group task: {@code msgId} identifies it in later status, remind and
 * cancel calls; {@code failedChatIds} lists the groups WeCom refused to include.
 */
public record GroupTask(String msgId, List<String> failedChatIds) {

	public GroupTask {
		failedChatIds = (failedChatIds != null) ? List.copyOf(failedChatIds) : List.of();
	}

}
