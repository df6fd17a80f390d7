package io.jingling.connectors.dingtalk.client;

import java.util.Objects;

/**
 * A message to take back, the body of {@code dingtalk:recall}. Build one with
 * {@link #group(String, String)}, {@link #users(String)} or {@link #workNotice(long)};
 * each kind carries exactly the ids its call needs.
 */
public record Recall(RecallKind kind, String openConversationId, String processQueryKey, Long taskId) {

	public Recall {
		Objects.requireNonNull(kind, "kind");
		boolean valid = switch (kind) {
			case GROUP -> openConversationId != null && processQueryKey != null && taskId == null;
			case USERS -> openConversationId == null && processQueryKey != null && taskId == null;
			case WORK_NOTICE -> openConversationId == null && processQueryKey == null && taskId != null;
		};
		if (!valid) {
			String needs = switch (kind) {
				case GROUP -> "an openConversationId and a processQueryKey";
				case USERS -> "a processQueryKey";
				case WORK_NOTICE -> "a taskId";
			};
			throw new IllegalArgumentException("A " + kind + " recall takes " + needs + " only");
		}
	}

	/** Recalls a robot group message. */
	public static Recall group(String openConversationId, String processQueryKey) {
		return new Recall(RecallKind.GROUP, openConversationId, processQueryKey, null);
	}

	/** Recalls robot one-to-one messages sent in one call. */
	public static Recall users(String processQueryKey) {
		return new Recall(RecallKind.USERS, null, processQueryKey, null);
	}

	/** Recalls a work notification. */
	public static Recall workNotice(long taskId) {
		return new Recall(RecallKind.WORK_NOTICE, null, null, taskId);
	}

}
