package io.jingling.outbox;

import java.sql.Timestamp;
import java.time.Duration;

import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A row the hub claimed but never recorded: re-sent once and marked, never dropped, never
 * sent a third time.
 */
@HubTest
class InDoubtRecoveryTest {

	private static final String PAYLOAD = """
			{"content":{"title":"警令","markdown":"#### 警令\\n> 到岗"},"openConversationId":"cidJinglingDemoQingshan=="}""";

	@Autowired
	InDoubtRecovery recovery;

	@Autowired
	DingTalkSimulator sim;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		clock.advance(Duration.ofMinutes(1)); // a fresh pacing minute per test
		sim.clearJournal();
	}

	@Test
	void resendsARowLeftInDoubtOnceAndMarksIt() {
		long id = claimedRow("in-doubt-1", Duration.ofMinutes(10));

		recovery.recover();

		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(id)));
		assertThat(jdbc.queryForObject("SELECT resent FROM outbox WHERE id = ?", Boolean.class, id)).isTrue();
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).singleElement()
			.satisfies((call) -> assertThat(call.json().path("openConversationId").asText())
				.isEqualTo("cidJinglingDemoQingshan=="));
		recovery.recover();
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).hasSize(1);
	}

	@Test
	void deadLettersARowInDoubtASecondTime() {
		long id = claimedRow("in-doubt-2", Duration.ofMinutes(10));
		jdbc.update("UPDATE outbox SET resent = TRUE WHERE id = ?", id);

		recovery.recover();

		assertThat(status(id)).isEqualTo("DEAD");
		assertThat(jdbc.queryForObject("SELECT code FROM dead_letter WHERE outbox_id = ?", String.class, id))
			.isEqualTo("in-doubt");
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).isEmpty();
	}

	@Test
	void leavesARecentlyClaimedRowAlone() {
		long id = claimedRow("in-doubt-3", Duration.ofSeconds(5));

		recovery.recover();

		assertThat(status(id)).isEqualTo("SENDING");
		jdbc.update("UPDATE outbox SET status = 'DEAD' WHERE id = ?", id);
	}

	private long claimedRow(String actionKey, Duration ago) {
		Timestamp claimed = Timestamp.from(clock.instant().minus(ago));
		jdbc.update(
				"INSERT INTO outbox (action_key, recipient, operation, pacing_group, payload, status, attempts,"
						+ " created_at, next_attempt_at, claimed_at) VALUES (?, 'cidJinglingDemoQingshan==', 'GROUP',"
						+ " 'cidJinglingDemoQingshan==', ?, 'SENDING', 1, ?, ?, ?)",
				actionKey, PAYLOAD, claimed, claimed, claimed);
		return jdbc.queryForObject("SELECT id FROM outbox WHERE action_key = ?", Long.class, actionKey);
	}

	private String status(long id) {
		return jdbc.queryForObject("SELECT status FROM outbox WHERE id = ?", String.class, id);
	}

}
