package io.jingling.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Told what became of outbox rows, after the outcome is recorded and outside its
 * transaction. A listener that fails is logged and does not change the outcome.
 */
public interface DeliveryListener {

	/**
	 * The rows of one platform call went out.
	 * @param result what the platform answered, e.g. a {@code SentMessage} or
	 * {@code WorkNoticeSent}
	 */
	default void sent(List<DeliveredRow> rows, Object result, Instant at) {
	}

	/** A row will not be delivered: permanently refused, or retried too often. */
	default void dead(DeliveredRow row, String code, Instant at) {
	}

	/**
	 * DingTalk cannot DING for this tenant (no paid edition, or no quota left); true when
	 * the listener has arranged another way to reach the officer, otherwise the hub sends
	 * the same words as a one-to-one robot message.
	 */
	default boolean dingUnavailable(DeliveredRow row, String code, Instant at) {
		return false;
	}

	/**
	 * One outbox row, as listeners see it.
	 *
	 * @param operation e.g. {@code GROUP}, {@code WORK_NOTICE}, {@code DING}, {@code SMS}
	 * @param userId the officer, for one-to-one messages, work notifications and DINGs
	 * @param openConversationId the group, for group messages
	 * @param sms the number and template, for SMS
	 */
	record DeliveredRow(long id, String actionKey, String recipient, String operation, String userId,
			String openConversationId, SmsPlan sms) {

		@Override
		public String toString() {
			return "DeliveredRow[id=" + this.id + ", actionKey=" + this.actionKey + ", operation=" + this.operation
					+ "]";
		}

	}

}
