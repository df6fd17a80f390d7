package io.jingling.connectors.wechat.client;

import java.time.Instant;

/**
 * A customer-group task WeCom has on record, as listed by {@code get_groupmsg_list_v2}.
 *
 * @param msgId the task's id
 * @param createTime when it was created
 * @param text its text
 */
public record CreatedTask(String msgId, Instant createTime, String text) {

	@Override
	public String toString() {
		return "CreatedTask[msgId=" + this.msgId + ", createTime=" + this.createTime + ", textLength="
				+ ((this.text == null) ? 0 : this.text.length()) + "]";
	}

}
