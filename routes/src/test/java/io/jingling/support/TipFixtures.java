package io.jingling.support;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Assist requests and tips written straight into the database, for tests of what officers
 * may see and do with them.
 */
public final class TipFixtures {

	private TipFixtures() {
	}

	/**
	 * Inserts open assist requests to {@code circles} (code → case officer), each tip
	 * (code → request code) a text from the first member; returns that member's id.
	 */
	public static long requestsWithTips(JdbcTemplate jdbc, Clock clock, String eventKey, String circles,
			Map<String, String> requests, Map<String, String> tips) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.update("INSERT INTO inbox_event (platform, platform_msg_id, event_type, received_at, payload, status)"
				+ " VALUES ('test', ?, 'test', ?, '{}', 'DONE')", eventKey, now);
		long event = jdbc.queryForObject("SELECT id FROM inbox_event WHERE platform_msg_id = ?", Long.class, eventKey);
		requests.forEach((code, officer) -> jdbc.update(
				"INSERT INTO assist_request (code, circles, content, case_officer, requested_by, status, created_at,"
						+ " valid_until, source_event_id) VALUES (?, ?, '寻找灰色面包车', ?, 'demo-dispatcher', 'COLLECTING',"
						+ " ?, ?, ?)",
				code, circles, officer, now, now, event));
		long member = jdbc.queryForObject("SELECT MIN(id) FROM member", Long.class);
		tips.forEach((code, request) -> jdbc.update(
				"INSERT INTO tip (code, assist_code, member_id, linked_by, kind, content, received_at,"
						+ " source_event_id) VALUES (?, ?, ?, 'code-in-text', 'text', '车在城东加油站', ?, ?)",
				code, request, member, now, event));
		return member;
	}

}
