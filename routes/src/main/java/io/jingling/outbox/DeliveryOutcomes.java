package io.jingling.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.connectors.dingtalk.client.DingSent;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.connectors.dingtalk.client.SentMessage;
import io.jingling.connectors.dingtalk.client.WorkNoticeSent;
import io.jingling.connectors.sms.client.SmsSent;
import io.jingling.connectors.wechat.client.GroupTask;
import io.jingling.outbox.DeliveryListener.DeliveredRow;
import io.jingling.dingtalk.DingTalkProperties;
import io.jingling.support.JinglingHeaders;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what became of a delivery. A row counts as sent only once the platform's id is
 * recorded; transient failures come back with backoff, permanent ones and exhausted
 * retries go to the dead-letter table.
 */
@Component
class DeliveryOutcomes {

	private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);

	private static final Duration FLOW_CONTROL_DELAY = Duration.ofMinutes(1);

	/** DingTalk's answers when the tenant has no DING or no DING quota left. */
	private static final Set<String> DING_UNAVAILABLE = Set.of("ding.serverquota.insufficient",
			"Forbidden.AccessDenied.AccessTokenPermissionDenied");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Pacer pacer;

	private final OutboxProperties properties;

	private final Duration throttleBackoff;

	private final Outbox outbox;

	private final ObjectMapper json;

	private final ObjectProvider<DeliveryListener> listeners;

	DeliveryOutcomes(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, Pacer pacer,
			OutboxProperties properties, DingTalkProperties dingTalk, Outbox outbox, ObjectMapper json,
			ObjectProvider<DeliveryListener> listeners) {
		this.listeners = listeners;
		this.outbox = outbox;
		this.json = json;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.pacer = pacer;
		this.properties = properties;
		this.throttleBackoff = dingTalk.throttleBackoff();
	}

	public void sent(@Header(JinglingHeaders.OUTBOX_IDS) List<Long> ids, @Body Object result) {
		Instant now = clock.instant();
		String reference = reference(result);
		Set<String> flowControlled = (result instanceof SentMessage sent) ? Set.copyOf(sent.flowControlledUserIds())
				: Set.of();
		Set<String> invalid = (result instanceof SentMessage sent) ? Set.copyOf(sent.invalidUserIds()) : Set.of();
		List<DeliveredRow> delivered = new ArrayList<>();
		transaction.executeWithoutResult((status) -> {
			for (long id : ids) {
				String recipient = userOf(id);
				if (flowControlled.contains(recipient)) {
					retryAt(id, now.plus(FLOW_CONTROL_DELAY), "flow-controlled");
				}
				else if (invalid.contains(recipient)) {
					dead(id, "invalidStaffId", "DingTalk refused the recipient as invalid", now);
				}
				else if (jdbc.update("UPDATE outbox SET status = 'SENT', sent_at = ?, platform_ref = ? WHERE id = ?"
						+ " AND status = 'SENDING'", Timestamp.from(now), reference, id) == 1) {
					DeliveredRow row = row(id);
					delivered.add(row);
					if (result instanceof SmsSent sms) {
						accepted(row, DeliveryPlanner.outId(ids), sms.bizId(), now);
					}
				}
			}
		});
		log.info("outbox.deliver sent rows={} flowControlled={} invalid={}", ids.size(), flowControlled.size(),
				invalid.size());
		tell((listener) -> listener.sent(delivered, result, now));
	}

	/** Counts an SMS against the number's limits and keeps its batch for the receipt. */
	private void accepted(DeliveredRow row, String outId, String bizId, Instant now) {
		jdbc.update(
				"INSERT INTO sms_sent (out_id, phone_key, template_code, outbox_id, biz_id, accepted_at)"
						+ " VALUES (?, ?, ?, ?, ?, ?)",
				outId, row.recipient().substring("sms:".length()), row.sms().templateCode(), row.id(), bizId,
				Timestamp.from(now));
	}

	/** The row as listeners see it. */
	DeliveredRow row(long id) {
		Map<String, Object> row = this.jdbc
			.queryForMap("SELECT action_key, recipient, operation, payload FROM outbox WHERE id = ?", id);
		OutboxPayload payload = OutboxPayload.read(this.json, (String) row.get("PAYLOAD"));
		return new DeliveredRow(id, (String) row.get("ACTION_KEY"), (String) row.get("RECIPIENT"),
				(String) row.get("OPERATION"), payload.userId(), payload.openConversationId(), payload.sms());
	}

	private void tell(Consumer<DeliveryListener> call) {
		for (DeliveryListener listener : this.listeners.orderedStream().toList()) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				log.error("outbox.listener failed listener={}", listener.getClass().getSimpleName(), ex);
			}
		}
	}

	public void failed(@Header(JinglingHeaders.OUTBOX_IDS) List<Long> ids,
			@ExchangeProperty("CamelExceptionCaught") ConnectorException failure,
			@ExchangeProperty(OutboxDeliveryRoutes.PACING_KEYS) List<String> pacingKeys) {
		Instant now = clock.instant();
		List<DeliveredRow> settled = new ArrayList<>();
		transaction.executeWithoutResult((status) -> {
			for (long id : ids) {
				if (failure instanceof ThrottledConnectorException throttled) {
					// DingTalk's robots stay blocked for the configured back-off; other
					// platforms say how long
					Duration backoff = "dingtalk".equals(failure.platform())
							? max(throttled.backoff(), this.throttleBackoff) : throttled.backoff();
					pacer.block(pacingKeys, now.plus(backoff));
					jdbc.update("UPDATE outbox SET attempts = attempts - 1 WHERE id = ?", id);
					retryAt(id, now.plus(backoff), failure.code());
				}
				else if (failure instanceof PermanentConnectorException || attempts(id) >= properties.maxAttempts()) {
					if (dead(id, failure.code(), failure.getMessage(), now)) {
						settled.add(row(id));
					}
				}
				else {
					retryAt(id, now.plus(properties.retryDelay(attempts(id))), failure.code());
				}
			}
		});
		log.warn("outbox.deliver failed rows={} kind={} code={}", ids.size(), failure.getClass().getSimpleName(),
				failure.code());
		for (DeliveredRow row : settled) {
			tell((listener) -> listener.dead(row, failure.code(), now));
			if (DING_UNAVAILABLE.contains(failure.code()) && Operation.DING.name().equals(row.operation())) {
				fallBackFromDing(row, failure.code(), now);
			}
		}
	}

	/**
	 * The user DingTalk names in flow-control and invalid lists for a row: its recipient,
	 * except for an answer to a private chat sent one-to-one, which went to the chat's
	 * sender.
	 */
	private String userOf(long id) {
		Map<String, Object> row = this.jdbc.queryForMap("SELECT recipient, operation, payload FROM outbox WHERE id = ?",
				id);
		if (Operation.REPLY.name().equals(row.get("OPERATION"))) {
			OutboxPayload payload = OutboxPayload.read(this.json, (String) row.get("PAYLOAD"));
			if (payload.reply() != null && payload.reply().senderUserId() != null) {
				return payload.reply().senderUserId();
			}
		}
		return (String) row.get("RECIPIENT");
	}

	/** The platform's id of what was sent: DingTalk's processQueryKey, WeCom's msgid. */
	private static String reference(Object result) {
		if (result instanceof SentMessage sent) {
			return sent.processQueryKey();
		}
		if (result instanceof GroupTask task) {
			return task.msgId();
		}
		if (result instanceof DingSent ding) {
			return ding.openDingId();
		}
		if (result instanceof WorkNoticeSent notice) {
			return String.valueOf(notice.taskId());
		}
		if (result instanceof SmsSent sms) {
			return sms.bizId();
		}
		return (result instanceof String msgId) ? msgId : null;
	}

	/**
	 * DING exists only on paid DingTalk editions and spends quota; when the tenant cannot
	 * DING, a listener may reach the officer another way, or else the officer gets the
	 * same words as a one-to-one robot message.
	 */
	private void fallBackFromDing(DeliveredRow row, String code, Instant now) {
		boolean handled = false;
		for (DeliveryListener listener : this.listeners.orderedStream().toList()) {
			handled = handled || listener.dingUnavailable(row, code, now);
		}
		if (!handled) {
			OutboxPayload ding = OutboxPayload.read(this.json,
					this.jdbc.queryForObject("SELECT payload FROM outbox WHERE id = ?", String.class, row.id()));
			this.outbox.toUsers(row.actionKey() + ":fallback", List.of(ding.userId()),
					new MessageContent("警铃提醒", ding.content().markdown()));
		}
		log.info("outbox.ding fallback outboxId={} code={} handledByListener={}", row.id(), code, handled);
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private int attempts(long id) {
		return jdbc.queryForObject("SELECT attempts FROM outbox WHERE id = ?", Integer.class, id);
	}

	private void retryAt(long id, Instant at, String error) {
		jdbc.update("UPDATE outbox SET status = 'NEW', next_attempt_at = ?, last_error = ? WHERE id = ?"
				+ " AND status = 'SENDING'", Timestamp.from(at), error, id);
	}

	/**
	 * Dead-letters a claimed row; a row someone else already settled is left as it is.
	 */
	boolean dead(long id, String code, String reason, Instant now) {
		if (this.jdbc.update("UPDATE outbox SET status = 'DEAD', last_error = ? WHERE id = ? AND status = 'SENDING'",
				code, id) == 0) {
			return false;
		}
		this.jdbc.update("INSERT INTO dead_letter (outbox_id, code, reason, created_at) VALUES (?, ?, ?, ?)", id, code,
				truncate(reason), Timestamp.from(now));
		log.warn("outbox.dead-letter added outboxId={} code={}", id, code);
		return true;
	}

	/**
	 * Re-stamps the claim of a call's rows just before it is made; false when in-doubt
	 * recovery has already taken any of them back, and then the call is not made.
	 */
	public boolean stillClaimed(@Header(JinglingHeaders.OUTBOX_IDS) List<Long> ids) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int claimed = 0;
		for (long id : ids) {
			claimed += this.jdbc.update("UPDATE outbox SET claimed_at = ? WHERE id = ? AND status = 'SENDING'", now,
					id);
		}
		return claimed == ids.size();
	}

	private static String truncate(String text) {
		return (text == null) ? "" : (text.length() <= 500) ? text : text.substring(0, 500);
	}

}
