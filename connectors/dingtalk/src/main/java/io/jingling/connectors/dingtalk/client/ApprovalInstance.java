package io.jingling.connectors.dingtalk.client;

import java.util.List;

/**
 * An approval instance as DingTalk tells it now: {@code status} {@code RUNNING},
 * {@code TERMINATED} or {@code COMPLETED}; {@code result} {@code agree} or {@code refuse}
 * once completed, otherwise null; DingTalk's {@code businessId} (审批编号); and its history,
 * oldest first. Approved means {@link #approved()}.
 */
public record ApprovalInstance(String instanceId, String status, String result, String businessId,
		List<ApprovalRecord> records) {

	public ApprovalInstance {
		records = (records != null) ? List.copyOf(records) : List.of();
	}

	/** Completed and agreed: the only state that means approved. */
	public boolean approved() {
		return "COMPLETED".equals(this.status) && "agree".equals(this.result);
	}

	@Override
	public String toString() {
		return "ApprovalInstance[instanceId=" + this.instanceId + ", status=" + this.status + ", result=" + this.result
				+ ", businessId=" + this.businessId + ", records=" + this.records.size() + "]";
	}

}
