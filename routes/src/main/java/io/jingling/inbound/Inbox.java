package io.jingling.inbound;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.support.Masks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything inbound, stored before the platform is answered and unique on the platform's
 * own id: a platform's retry (or a message seen again on a later sync) stores nothing
 * new.
 */
@Component
public class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	/**
	 * How long non-transactional work (a KF sync) may hold an entry before it is
	 * claimable again.
	 */
	static final Duration LEASE = Duration.ofMinutes(5);

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	Inbox(JdbcTemplate jdbc, ObjectMapper json, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		// a duplicate inside a caller's transaction must not spoil it (PostgreSQL aborts
		// the whole
		// transaction on a failed statement), so the insert runs in a savepoint when
		// there is one
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Stores a robot message; returns its inbox id, or null when DingTalk sent it before.
	 */
	public Long store(InboundMessage message) {
		Long id = store("dingtalk", message.platformMessageId(), InboundMessage.TYPE, message);
		if (id != null) {
			log.info("inbox.store stored id={} platform=dingtalk msgId={} sender={} textLength={}", id,
					message.platformMessageId(), Masks.person(message.event().senderUserId()),
					message.event().text().length());
		}
		return id;
	}

	/**
	 * Stores anything inbound under the platform's own id; returns the inbox id, or null
	 * when that id was stored before.
	 */
	public Long store(String platform, String platformMessageId, String eventType, Object payload) {
		String body = write(payload);
		var keys = new GeneratedKeyHolder();
		try {
			this.savepoint.executeWithoutResult((status) -> this.jdbc.update((connection) -> {
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO inbox_event (platform, platform_msg_id, event_type, received_at, payload, status)"
								+ " VALUES (?, ?, ?, ?, ?, 'NEW')",
						new String[] { "id" });
				insert.setString(1, platform);
				insert.setString(2, platformMessageId);
				insert.setString(3, eventType);
				insert.setTimestamp(4, Timestamp.from(this.clock.instant()));
				insert.setString(5, body);
				return insert;
			}, keys));
		}
		catch (DuplicateKeyException ex) {
			log.info("inbox.store duplicate platform={} type={}", platform, eventType);
			return null;
		}
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Claims an entry inside the caller's transaction; empty when already taken. A
	 * transactional claim marks it DONE (its effects commit with the claim); otherwise it
	 * is PROCESSING until {@link #complete}, and a PROCESSING entry whose lease ran out
	 * is claimable again.
	 */
	public Optional<InboxEntry> claim(long id, boolean transactional) {
		Instant now = this.clock.instant();
		int claimed = this.jdbc.update(
				"UPDATE inbox_event SET status = ?, processed_at = ? WHERE id = ? AND (status = 'NEW'"
						+ " OR (status = 'PROCESSING' AND processed_at < ?))",
				transactional ? "DONE" : "PROCESSING", Timestamp.from(now), id, Timestamp.from(now.minus(LEASE)));
		if (claimed == 0) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.queryForObject("SELECT event_type, payload FROM inbox_event WHERE id = ?",
				(rs, i) -> new InboxEntry(id, rs.getString(1), rs.getString(2)), id));
	}

	/**
	 * Entries of one type received since a time, newest first, whatever their status: the
	 * recorded events a candidate config is dry-run against.
	 */
	public List<InboxEntry> recorded(String eventType, Instant since, int limit) {
		return this.jdbc.query(
				"SELECT id, event_type, payload FROM inbox_event WHERE event_type = ? AND received_at >= ?"
						+ " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
				(rs, i) -> new InboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3)), eventType,
				Timestamp.from(since));
	}

	/** What an entry holds, to pick its handler before claiming it. */
	public String typeOf(long id) {
		return this.jdbc.queryForObject("SELECT event_type FROM inbox_event WHERE id = ?", String.class, id);
	}

	/** A PROCESSING entry's work is done. */
	public void complete(long id) {
		this.jdbc.update("UPDATE inbox_event SET status = 'DONE' WHERE id = ? AND status = 'PROCESSING'", id);
	}

	/** Reads an entry's payload as the type its handler expects. */
	public <T> T payload(InboxEntry entry, Class<T> type) {
		try {
			return this.json.readValue(entry.payload(), type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("inbox payload of " + entry.eventType() + " cannot be read", ex);
		}
	}

	/**
	 * Records a failed processing attempt: the entry is NEW again for another try, and
	 * after {@code maxAttempts} it is parked as FAILED for an admin to see.
	 */
	public void failed(long id, int maxAttempts, String error) {
		this.jdbc.update("UPDATE inbox_event SET attempts = attempts + 1, last_error = ?,"
				+ " status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'NEW' END"
				+ " WHERE id = ? AND status IN ('NEW', 'PROCESSING')", truncate(error), maxAttempts, id);
	}

	/**
	 * New entries older than {@code age}, by id from after {@code afterId}: left behind
	 * by a crash, or by a full hand-off queue.
	 */
	public List<Long> stranded(Duration age, int limit, long afterId) {
		return this.jdbc.queryForList(
				"SELECT id FROM inbox_event WHERE id > ? AND ((status = 'NEW' AND received_at < ?)"
						+ " OR (status = 'PROCESSING' AND processed_at < ?)) ORDER BY id FETCH FIRST " + limit
						+ " ROWS ONLY",
				Long.class, afterId, Timestamp.from(this.clock.instant().minus(age)),
				Timestamp.from(this.clock.instant().minus(LEASE)));
	}

	private String write(Object payload) {
		try {
			return this.json.writeValueAsString(payload);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("inbox payload cannot be serialised", ex);
		}
	}

	private static String truncate(String text) {
		return (text == null || text.length() <= 500) ? text : text.substring(0, 500);
	}

}
