package io.jingling.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jingling.informant.IdentityVault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Aliyun's per-number limits, enforced by the hub before it calls, so Aliyun never has to
 * refuse a send for frequency: per number and template, at most
 * {@code jingling.sms.limit.per-minute}, {@code per-hour} and {@code per-day} messages in
 * rolling windows (defaults 0 = none, 0 = none, 50: Aliyun's notification limit). Counted
 * are messages Aliyun accepted and messages being sent. A row over a limit is deferred to
 * when the window lets it go, never dropped.
 */
@Component
public class SmsFrequency {

	private static final Logger log = LoggerFactory.getLogger(SmsFrequency.class);

	private final JdbcTemplate jdbc;

	private final IdentityVault vault;

	private final Map<Duration, Integer> limits;

	SmsFrequency(JdbcTemplate jdbc, IdentityVault vault, @Value("${jingling.sms.limit.per-minute:0}") int perMinute,
			@Value("${jingling.sms.limit.per-hour:0}") int perHour,
			@Value("${jingling.sms.limit.per-day:50}") int perDay) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.limits = new HashMap<>();
		put(Duration.ofMinutes(1), perMinute);
		put(Duration.ofHours(1), perHour);
		put(Duration.ofDays(1), perDay);
	}

	private void put(Duration window, int limit) {
		if (limit > 0) {
			this.limits.put(window, limit);
		}
	}

	/** The keyed hash an SMS row and the send log know a number by. */
	public String phoneKey(String phoneNumber) {
		return this.vault.lookupHash("phone", phoneNumber);
	}

	/**
	 * The rows of one SMS call that every limit allows now; the others are deferred to
	 * when they will be allowed.
	 */
	List<OutboxRow> withinLimits(List<OutboxRow> call, Instant now) {
		List<OutboxRow> allowed = new ArrayList<>();
		int deferred = 0;
		for (OutboxRow row : call) {
			String key = row.recipient().substring("sms:".length());
			Instant allowedAt = allowedAt(key, row.payload().sms().templateCode(), now);
			if (allowedAt.isAfter(now)) {
				this.jdbc.update("UPDATE outbox SET next_attempt_at = ?, last_error = 'sms.frequency' WHERE id = ?"
						+ " AND status = 'NEW'", Timestamp.from(allowedAt), row.id());
				deferred++;
			}
			else {
				allowed.add(row);
			}
		}
		if (deferred > 0) {
			log.info("sms.frequency deferred rows={} allowed={}", deferred, allowed.size());
		}
		return allowed;
	}

	/** When one more message of the template may go to the number. */
	Instant allowedAt(String phoneKey, String templateCode, Instant now) {
		Instant allowedAt = now;
		for (Map.Entry<Duration, Integer> limit : this.limits.entrySet()) {
			List<Instant> sends = sendsSince(phoneKey, templateCode, now.minus(limit.getKey()), now);
			if (sends.size() >= limit.getValue()) {
				Instant free = sends.get(sends.size() - limit.getValue()).plus(limit.getKey());
				if (free.isAfter(allowedAt)) {
					allowedAt = free;
				}
			}
		}
		return allowedAt;
	}

	private List<Instant> sendsSince(String phoneKey, String templateCode, Instant since, Instant now) {
		List<Instant> sends = new ArrayList<>(this.jdbc.query(
				"SELECT accepted_at FROM sms_sent WHERE phone_key = ? AND template_code = ? AND accepted_at > ?"
						+ " ORDER BY accepted_at",
				(rs, i) -> rs.getTimestamp(1).toInstant(), phoneKey, templateCode, Timestamp.from(since)));
		int inFlight = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM outbox WHERE recipient = ? AND operation = 'SMS' AND status = 'SENDING'",
				Integer.class, "sms:" + phoneKey);
		for (int i = 0; i < inFlight; i++) {
			sends.add(now);
		}
		return sends;
	}

}
