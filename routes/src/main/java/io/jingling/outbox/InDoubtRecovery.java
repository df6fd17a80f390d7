package io.jingling.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows claimed for sending but never recorded as sent: the hub stopped between the
 * platform's answer and the record. DingTalk cannot be asked whether a robot message went
 * out, so such a row is re-sent once and marked as a re-send (重发); a row in doubt a
 * second time is dead-lettered for an admin rather than sent a third time.
 */
@Component
class InDoubtRecovery {

	private static final Logger log = LoggerFactory.getLogger(InDoubtRecovery.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final OutboxProperties properties;

	private final DeliveryOutcomes outcomes;

	InDoubtRecovery(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, OutboxProperties properties,
			DeliveryOutcomes outcomes) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.properties = properties;
		this.outcomes = outcomes;
	}

	public int recover() {
		Instant now = clock.instant();
		List<Long> inDoubt = jdbc.queryForList("SELECT id FROM outbox WHERE status = 'SENDING' AND claimed_at < ?",
				Long.class, Timestamp.from(now.minus(properties.inDoubtAfter())));
		for (long id : inDoubt) {
			transaction.executeWithoutResult((status) -> {
				int resend = jdbc.update(
						"UPDATE outbox SET status = 'NEW', resent = TRUE, next_attempt_at = ?,"
								+ " last_error = 'in-doubt' WHERE id = ? AND status = 'SENDING' AND resent = FALSE",
						Timestamp.from(now), id);
				if (resend == 1) {
					log.warn("outbox.in-doubt resend outboxId={}", id);
				}
				else {
					outcomes.dead(id, "in-doubt", "in doubt after a re-send: check with the recipient", now);
				}
			});
		}
		return inDoubt.size();
	}

}
