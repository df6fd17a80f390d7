package io.jingling.connectors.dingtalk.client;

import java.util.List;

/**
 * What DingTalk answered to a DING. {@code openDingId} identifies it for recall and read
 * status; {@code failedUserIds} names the receivers DingTalk did not reach, whatever the
 * reason it gave.
 */
public record DingSent(String openDingId, List<String> failedUserIds) {

	public DingSent {
		failedUserIds = (failedUserIds != null) ? List.copyOf(failedUserIds) : List.of();
	}

}
