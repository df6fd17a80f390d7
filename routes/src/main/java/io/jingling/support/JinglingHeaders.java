package io.jingling.support;

/** Camel header names the hub sets. */
public final class JinglingHeaders {

	/** The outbox row ids one delivery covers. */
	public static final String OUTBOX_IDS = "JinglingOutboxIds";

	/** The connector endpoint of one delivery, e.g. {@code dingtalk:send-group}. */
	public static final String OPERATION = "JinglingOperation";

	private JinglingHeaders() {
	}

}
