package io.jingling.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends to the audit log, inside the caller's transaction so an entry stands or falls
 * with what it records. There is no way here to change or remove an entry. Details never
 * carry message bodies, phone numbers or informants' platform ids.
 */
@Component
public class AuditLog {

	/** What can be audited. */
	public enum Action {

		/** A console login. */
		LOGIN,
		/** A console login refused. */
		LOGIN_FAILED,
		/** A config version created (edit, roll-back or file change). */
		CONFIG_VERSION,
		/** A pending config version approved by a second admin. */
		CONFIG_APPROVED,
		/** An informant's identity opened. */
		IDENTITY_REVEAL,
		/** An informant's identity erased. */
		IDENTITY_ERASE,
		/** A dead letter sent back to the outbox. */
		DEAD_LETTER_REPLAY,
		/** An order posted. */
		ORDER_POSTED,
		/** An order recalled. */
		ORDER_RECALLED,
		/** An assist request opened. */
		ASSIST_OPENED,
		/** An assist request closed. */
		ASSIST_CLOSED,
		/** A tip rated. */
		TIP_RATED

	}

	/** One entry. */
	public record Entry(long id, Instant occurredAt, String actor, String action, String subject, String detail) {
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public AuditLog(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void append(String actor, Action action, String subject, String detail) {
		this.jdbc.update("INSERT INTO audit_log (occurred_at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
				Timestamp.from(this.clock.instant()), cut(actor, 64), action.name(), cut(subject, 128),
				cut(detail, 1000));
	}

	/** The newest entries first, optionally of one action only. */
	public List<Entry> recent(Action action, int limit) {
		String where = (action != null) ? " WHERE action = '" + action.name() + "'" : "";
		return this.jdbc.query(
				"SELECT id, occurred_at, actor, action, subject, detail FROM audit_log" + where
						+ " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
				(rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6)));
	}

	private static String cut(String value, int length) {
		String text = (value != null) ? value : "";
		return (text.length() <= length) ? text : text.substring(0, length);
	}

}
