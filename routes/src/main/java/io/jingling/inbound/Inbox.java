package io.jingling.inbound;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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

/**
 * Every inbound message, stored before the callback is answered and unique on the
 * platform's message id: a platform's retry stores nothing new.
 */
@Component
public class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private static final String PLATFORM = "dingtalk";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	Inbox(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Stores a message; returns its inbox id, or null when the platform sent it before.
	 */
	public Long store(InboundMessage message) {
		String payload = write(message);
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.update((connection) -> {
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO inbox_event (platform, platform_msg_id, event_type, received_at, payload, status)"
								+ " VALUES (?, ?, ?, ?, ?, 'NEW')",
						Statement.RETURN_GENERATED_KEYS);
				insert.setString(1, PLATFORM);
				insert.setString(2, message.platformMessageId());
				insert.setString(3, message.event().getClass().getSimpleName());
				insert.setTimestamp(4, Timestamp.from(clock.instant()));
				insert.setString(5, payload);
				return insert;
			}, keys);
		}
		catch (DuplicateKeyException ex) {
			log.info("inbox.store duplicate platform={} msgId={}", PLATFORM, message.platformMessageId());
			return null;
		}
		long id = keys.getKeyAs(Number.class).longValue();
		log.info("inbox.store stored id={} platform={} msgId={} sender={} textLength={}", id, PLATFORM,
				message.platformMessageId(), Masks.person(message.event().senderUserId()),
				message.event().text().length());
		return id;
	}

	/**
	 * Claims a new event for processing inside the caller's transaction; empty when
	 * already taken.
	 */
	public Optional<InboundMessage> claim(long id) {
		int claimed = jdbc.update(
				"UPDATE inbox_event SET status = 'DONE', processed_at = ?" + " WHERE id = ? AND status = 'NEW'",
				Timestamp.from(clock.instant()), id);
		if (claimed == 0) {
			return Optional.empty();
		}
		String payload = jdbc.queryForObject("SELECT payload FROM inbox_event WHERE id = ?", String.class, id);
		return Optional.of(read(payload));
	}

	/**
	 * Records a failed processing attempt; after {@code maxAttempts} the event is parked
	 * as FAILED.
	 */
	public void failed(long id, int maxAttempts, String error) {
		jdbc.update("UPDATE inbox_event SET attempts = attempts + 1, last_error = ?,"
				+ " status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'NEW' END WHERE id = ? AND status = 'NEW'",
				truncate(error), maxAttempts, id);
	}

	/**
	 * New events older than {@code age}: left behind by a crash, or by a full hand-off
	 * queue.
	 */
	public List<Long> stranded(Duration age, int limit) {
		return jdbc
			.queryForList("SELECT id FROM inbox_event WHERE status = 'NEW' AND received_at < ? ORDER BY id FETCH FIRST "
					+ limit + " ROWS ONLY", Long.class, Timestamp.from(clock.instant().minus(age)));
	}

	public long count() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event", Long.class);
	}

	private String write(InboundMessage message) {
		try {
			return json.writeValueAsString(message);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("inbox message cannot be serialised", ex);
		}
	}

	private InboundMessage read(String payload) {
		try {
			return json.readValue(payload, InboundMessage.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("inbox payload cannot be read", ex);
		}
	}

	private static String truncate(String text) {
		return (text == null || text.length() <= 500) ? text : text.substring(0, 500);
	}

}
