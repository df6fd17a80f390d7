package io.jingling.connectors.wechat.client;

import java.time.Instant;

/**
 * An owner's part of a group task: {@code status} 0 not yet confirmed, 2 sent;
 * {@code sendTime} is null while nothing was sent.
 */
public record OwnerTask(String owner, int status, Instant sendTime) {

	/** The owner has not confirmed the task yet. */
	public static final int UNSENT = 0;

	/** The owner confirmed and WeCom sent the task. */
	public static final int SENT = 2;

}
