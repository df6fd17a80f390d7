package io.jingling.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.connectors.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows claimed for sending but never recorded as sent: the hub stopped between the
 * platform's answer and the record. Where the platform can be asked (WeCom keeps a list
 * of the tasks a member created) the row is reconciled: it takes the task's id if one
 * exists, or is created normally if not. Where it cannot (DingTalk robot messages), the
 * row is re-sent once and marked as a re-send (重发); a row in doubt a second time is
 * dead-lettered for an admin rather than sent a third time.
 */
@Component
class InDoubtRecovery {

	private static final Logger log = LoggerFactory.getLogger(InDoubtRecovery.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final OutboxProperties properties;

	private final DeliveryOutcomes outcomes;

	private final TaskReconciliation tasks;

	private final ObjectMapper json;

	InDoubtRecovery(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, OutboxProperties properties,
			DeliveryOutcomes outcomes, TaskReconciliation tasks, ObjectMapper json) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.properties = properties;
		this.outcomes = outcomes;
		this.tasks = tasks;
		this.json = json;
	}

	public int recover() {
		Instant now = this.clock.instant();
		List<Map<String, Object>> inDoubt = this.jdbc.queryForList(
				"SELECT id, operation, payload, claimed_at FROM outbox WHERE status = 'SENDING' AND claimed_at < ?",
				Timestamp.from(now.minus(this.properties.inDoubtAfter())));
		for (Map<String, Object> row : inDoubt) {
			long id = ((Number) row.get("ID")).longValue();
			if (Operation.WECOM_TASK.name().equals(row.get("OPERATION"))) {
				reconcile(id, OutboxPayload.read(this.json, (String) row.get("PAYLOAD")).task(),
						instant(row.get("CLAIMED_AT")), now);
			}
			else {
				resendOnce(id, now);
			}
		}
		return inDoubt.size();
	}

	private void reconcile(long id, GroupTaskPlan plan, Instant claimedAt, Instant now) {
		Optional<String> existing;
		try {
			existing = this.tasks.existing(plan, claimedAt, now);
		}
		catch (ConnectorException ex) {
			log.warn("outbox.in-doubt unresolved outboxId={} code={}: WeCom will be asked again", id, ex.code());
			return;
		}
		if (existing.isPresent()) {
			this.jdbc.update(
					"UPDATE outbox SET status = 'SENT', sent_at = ?, platform_ref = ?, last_error ="
							+ " 'reconciled' WHERE id = ? AND status = 'SENDING'",
					Timestamp.from(now), existing.get(), id);
			log.info("outbox.in-doubt reconciled outboxId={} found=true", id);
		}
		else {
			this.jdbc.update("UPDATE outbox SET status = 'NEW', next_attempt_at = ?, last_error = 'not-created'"
					+ " WHERE id = ? AND status = 'SENDING'", Timestamp.from(now), id);
			log.info("outbox.in-doubt reconciled outboxId={} found=false", id);
		}
	}

	private void resendOnce(long id, Instant now) {
		this.transaction.executeWithoutResult((status) -> {
			int resend = this.jdbc.update(
					"UPDATE outbox SET status = 'NEW', resent = TRUE, next_attempt_at = ?,"
							+ " last_error = 'in-doubt' WHERE id = ? AND status = 'SENDING' AND resent = FALSE",
					Timestamp.from(now), id);
			if (resend == 1) {
				log.warn("outbox.in-doubt resend outboxId={}", id);
			}
			else {
				this.outcomes.dead(id, "in-doubt", "in doubt after a re-send: check with the recipient", now);
			}
		});
	}

	// H2 and PostgreSQL hand TIMESTAMP WITH TIME ZONE back as OffsetDateTime, some
	// drivers as Timestamp
	private static Instant instant(Object value) {
		return (value instanceof OffsetDateTime offset) ? offset.toInstant() : ((Timestamp) value).toInstant();
	}

}
