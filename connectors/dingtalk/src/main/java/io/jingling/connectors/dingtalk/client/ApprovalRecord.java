package io.jingling.connectors.dingtalk.client;

import java.time.Instant;

/**
 * One step in an approval's history ({@code operationRecords}): who, when (DingTalk gives
 * minutes; null when it gives nothing readable), {@code type} (for example
 * {@code START_PROCESS_INSTANCE}, {@code EXECUTE_TASK_NORMAL},
 * {@code TERMINATE_PROCESS_INSTANCE}), {@code result} ({@code AGREE}, {@code REFUSE},
 * {@code NONE}) and the remark. {@code toString()} hides who and the remark.
 */
public record ApprovalRecord(String userId, Instant at, String type, String result, String remark) {

	@Override
	public String toString() { // remarks are free text
		return "ApprovalRecord[at=" + this.at + ", type=" + this.type + ", result=" + this.result
				+ ", userId=(hidden), remark=(hidden)]";
	}

}
