package io.jingling.connectors.wechat.client;

import java.time.Instant;

/**
 * How a group task fared in one customer group: {@code status} 0 not sent, 1 sent, 2
 * failed, 3 not sent because the group's receive quota for the period was spent.
 * {@code sendTime} is null while nothing was sent.
 */
public record GroupSendResult(String chatId, String owner, int status, Instant sendTime) {

	/** Not sent (yet). */
	public static final int UNSENT = 0;

	/** Sent to the group. */
	public static final int SENT = 1;

	/** Failed, for example the group was dismissed. */
	public static final int FAILED = 2;

	/** Not sent: the group already received its quota of mass messages this period. */
	public static final int QUOTA_SPENT = 3;

}
