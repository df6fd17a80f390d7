package io.jingling.dingtalk;

import java.time.Duration;

import io.jingling.connectors.dingtalk.events.DingTalkEvent;
import io.jingling.connectors.dingtalk.events.DingTalkEvents;
import io.jingling.duty.DutyBoard;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Stream-mode event ends where an HTTP one does: stored once per eventId however often
 * DingTalk redelivers it, and handled by the same handler (here: a check-in on the duty
 * board).
 */
@HubTest
class StreamIntakeTest {

	@Autowired
	StreamIntake intake;

	@Autowired
	DutyBoard duty;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofMinutes(1));
	}

	@Test
	void storesAStreamEventOnceAndHandlesItLikeAnHttpOne() {
		long at = this.clock.millis();
		DingTalkEvent event = DingTalkEvents.fromHttp("{\"EventType\":\"check_in\",\"EventTime\":" + at
				+ ",\"CorpId\":\"dingcorpjinglingdemo\",\"eventId\":\"stream-evt-" + at
				+ "\",\"staffId\":\"officer14\"," + "\"timeStamp\":" + at + "}");

		this.intake.accept(event);
		this.intake.accept(event);

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE platform_msg_id = ?", Integer.class,
				"event:stream-evt-" + at))
			.isEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.duty.checkedInToday().contains("officer14"));
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM duty_checkin WHERE user_id = 'officer14'" + " AND source = 'checkin'",
				Integer.class))
			.isEqualTo(1);
	}

}
