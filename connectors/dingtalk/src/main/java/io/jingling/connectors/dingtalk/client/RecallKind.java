package io.jingling.connectors.dingtalk.client;

/** What a {@link Recall} takes back. */
public enum RecallKind {

	/** A robot group message, by its group and processQueryKey. */
	GROUP,
	/** Robot one-to-one messages, by their processQueryKey. */
	USERS,
	/** A work notification, by its task id. */
	WORK_NOTICE

}
