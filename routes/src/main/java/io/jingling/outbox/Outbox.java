package io.jingling.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.bots.engine.ConversationType;
import io.jingling.connectors.dingtalk.client.DingKind;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.connectors.dingtalk.client.Recall;
import io.jingling.inbound.ReplyChannel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Writes outbox rows. Called inside the transaction of the state change that causes the
 * send, so a send exists exactly when its cause does.
 */
@Component
public class Outbox {

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	Outbox(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** An answer in the conversation a message came from. */
	public void reply(String actionKey, ReplyChannel channel, MessageContent content) {
		String pacing = (channel.conversationType() == ConversationType.GROUP) ? channel.conversationId() : null;
		insert(actionKey, channel.conversationId(), Operation.REPLY, pacing,
				new OutboxPayload(content, null, null, channel, null, null, null));
	}

	/** A robot message to a group. */
	public void toGroup(String actionKey, String openConversationId, MessageContent content) {
		insert(actionKey, openConversationId, Operation.GROUP, openConversationId,
				new OutboxPayload(content, openConversationId, null, null, null, null, null));
	}

	/** A robot one-to-one message to each officer: one row per recipient. */
	public void toUsers(String actionKey, List<String> userIds, MessageContent content) {
		userIds.stream()
			.distinct()
			.forEach((userId) -> insert(actionKey, userId, Operation.USERS, null,
					new OutboxPayload(content, null, userId, null, null, null, null)));
	}

	/** A customer-group task for one owner's groups of one circle. */
	public void toOwner(String actionKey, GroupTaskPlan task) {
		insert(actionKey, task.sender() + ":" + task.scene(), Operation.WECOM_TASK, null,
				new OutboxPayload(null, null, null, null, task, null, null));
	}

	/**
	 * A KF text to one informant; the caller has taken a reply from the member's window.
	 */
	public void toInformant(String actionKey, long memberId, String channel, String text) {
		insert(actionKey, "member:" + memberId, "oa".equals(channel) ? Operation.OA_TEXT : Operation.KF_TEXT, null,
				new OutboxPayload(new MessageContent("", text), null, null, null, null, memberId, null));
	}

	/** A WeCom reminder to the owner of an unconfirmed task. */
	public void remindOwner(String actionKey, String recipient, String msgId) {
		insert(actionKey, recipient, Operation.WECOM_REMIND, null,
				new OutboxPayload(null, null, null, null, null, null, msgId));
	}

	/** An in-app DING to one officer. */
	public void ding(String actionKey, String userId, String text) {
		insert(actionKey, "ding:" + userId, Operation.DING, null,
				new OutboxPayload(new MessageContent("", text), null, userId, null, null, null, null));
	}

	/** A DING to each officer, in the app or by SMS: one row per recipient. */
	public void ding(String actionKey, List<String> userIds, String text, DingKind kind) {
		userIds.stream()
			.distinct()
			.forEach((userId) -> insert(actionKey, "ding:" + userId, Operation.DING, null, new OutboxPayload(
					new MessageContent("", text), null, userId, null, null, null, null, null, kind, null)));
	}

	/** A work notification to each officer: one row per recipient. */
	public void toWorkNotice(String actionKey, List<String> userIds, MessageContent content) {
		userIds.stream()
			.distinct()
			.forEach((userId) -> insert(actionKey, userId, Operation.WORK_NOTICE, null,
					new OutboxPayload(content, null, userId, null, null, null, null)));
	}

	/**
	 * An SMS to one number, the row keyed by a hash of the number so the number itself
	 * never becomes a key.
	 */
	public void sms(String actionKey, String phoneKey, SmsPlan sms) {
		insert(actionKey, "sms:" + phoneKey, Operation.SMS, null,
				new OutboxPayload(null, null, null, null, null, null, null, sms, null, null));
	}

	/**
	 * An SMS to an informant: the number stays sealed in the vault until the call is
	 * made; the row knows it only by its keyed hash.
	 */
	public void smsToMember(String actionKey, long memberId, String phoneKey, String templateCode,
			Map<String, String> parameters) {
		insert(actionKey, "sms:" + phoneKey, Operation.SMS, null, new OutboxPayload(null, null, null, null, null,
				memberId, null, new SmsPlan(null, templateCode, parameters, "member:" + memberId), null, null));
	}

	/** Starts the approval instance of an assist request held for approval. */
	public void startApproval(String actionKey, String assistCode) {
		insert(actionKey, "approval:" + assistCode, Operation.APPROVAL, null,
				new OutboxPayload(null, null, null, null, null, null, assistCode));
	}

	/** Takes back what an earlier row sent. */
	public void recall(String actionKey, String recipient, Recall recall) {
		insert(actionKey, recipient, Operation.RECALL, null,
				new OutboxPayload(null, null, null, null, null, null, null, null, null, recall));
	}

	/**
	 * Cancels the rows of an action, and of the actions whose key continues it, that have
	 * not been claimed for sending; returns how many.
	 */
	public int cancel(String actionKey) {
		return jdbc.update(
				"UPDATE outbox SET status = 'CANCELLED' WHERE (action_key = ? OR action_key LIKE ?) AND status = 'NEW'",
				actionKey, actionKey + ":%");
	}

	/** Rows per status for one action, e.g. {SENT=3, NEW=2}. */
	public Map<String, Integer> statusOf(String actionKey) {
		Map<String, Integer> counts = new TreeMap<>();
		jdbc.query("SELECT status, COUNT(*) FROM outbox WHERE action_key = ? GROUP BY status",
				(RowCallbackHandler) (rs) -> counts.put(rs.getString(1), rs.getInt(2)), actionKey);
		return counts;
	}

	private void insert(String actionKey, String recipient, Operation operation, String pacingGroup,
			OutboxPayload payload) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.update(
				"INSERT INTO outbox (action_key, recipient, operation, pacing_group, payload, status, created_at,"
						+ " next_attempt_at) VALUES (?, ?, ?, ?, ?, 'NEW', ?, ?)",
				actionKey, recipient, operation.name(), pacingGroup, payload.write(this.json), now, now);
	}

}
