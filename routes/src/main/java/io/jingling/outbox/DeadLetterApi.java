package io.jingling.outbox;

import java.security.Principal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.jingling.audit.AuditLog;
import io.jingling.support.ApiLimit;
import io.jingling.support.Masks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Dead letters for admins: {@code GET /api/dead-letters} (newest first, {@code limit} up
 * to 500; phone numbers in recipients masked) and {@code POST
 * /api/dead-letters/{id}/replay}, which puts the delivery back in the outbox as new, to
 * go out on the next pass under the usual pacing. A dead letter is replayed once; each
 * replay is audited.
 */
@RestController
class DeadLetterApi {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterApi.class);

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	DeadLetterApi(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One dead letter.
	 *
	 * @param code the platform's error code, when it gave one
	 */
	record DeadLetter(long id, long outboxId, String actionKey, String operation, String recipient, String code,
			String reason, Instant createdAt, Instant replayedAt, String replayedBy) {
	}

	@GetMapping("/api/dead-letters")
	List<DeadLetter> list(@RequestParam(defaultValue = "50") int limit) {
		ApiLimit.checked(limit, ApiLimit.MAX);
		return this.jdbc.query("SELECT d.id, d.outbox_id, o.action_key, o.operation, o.recipient, d.code, d.reason,"
				+ " d.created_at, d.replayed_at, d.replayed_by FROM dead_letter d JOIN outbox o ON o.id = d.outbox_id"
				+ " ORDER BY d.id DESC FETCH FIRST " + limit + " ROWS ONLY",
				(rs, i) -> new DeadLetter(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						Masks.phonesIn(rs.getString(5)), rs.getString(6), rs.getString(7),
						rs.getTimestamp(8).toInstant(),
						(rs.getTimestamp(9) != null) ? rs.getTimestamp(9).toInstant() : null, rs.getString(10)));
	}

	@PostMapping("/api/dead-letters/{id}/replay")
	@Transactional
	Map<String, Object> replay(@PathVariable long id, Principal user) {
		List<Long> outboxIds = this.jdbc.queryForList("SELECT outbox_id FROM dead_letter WHERE id = ?", Long.class, id);
		if (outboxIds.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条死信");
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		if (this.jdbc.update(
				"UPDATE dead_letter SET replayed_at = ?, replayed_by = ? WHERE id = ?" + " AND replayed_at IS NULL",
				now, user.getName(), id) == 0) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "这条死信已经重放过");
		}
		long outboxId = outboxIds.get(0);
		if (this.jdbc.update("UPDATE outbox SET status = 'NEW', attempts = 0, next_attempt_at = ?, claimed_at = NULL,"
				+ " last_error = NULL WHERE id = ? AND status = 'DEAD'", now, outboxId) == 0) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "这条投递已不在死信状态");
		}
		this.audit.append(user.getName(), AuditLog.Action.DEAD_LETTER_REPLAY, "死信 " + id,
				"outbox " + outboxId + " 重新投递");
		log.info("outbox.dead-letter replayed id={} outboxId={} by={}", id, outboxId, user.getName());
		return Map.of("id", id, "outboxId", outboxId, "status", "NEW");
	}

}
