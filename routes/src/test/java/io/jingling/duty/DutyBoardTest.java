package io.jingling.duty;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingling.connectors.dingtalk.sim.DingTalkEventSender;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.Recorded;
import io.jingling.schedule.DueWork;
import io.jingling.support.Http;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.support.RobotCallbackSamples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The duty board from check-in and attendance events and from the query APIs: a DING at
 * the check-in deadline only to on-duty officers who have not checked in, a word to the
 * squad leader about a punch outside the geofence, and {@code 签到统计}.
 */
@HubTest
class DutyBoardTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	DingTalkSimulator dingTalk;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DueWork dueWork;

	@Autowired
	DutyBoard board;

	@LocalServerPort
	int port;

	DingTalkEventSender events;

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofMinutes(1));
		this.dingTalk.clearJournal();
		this.events = new DingTalkEventSender(
				URI.create("http://127.0.0.1:" + this.port + "/callbacks/dingtalk/events"), "JinglingDemoEvToken",
				"JinglingDemoEventAesKey0123456789abcdefghij", "dingjinglingdemo01", "dingcorpjinglingdemo",
				this.clock);
	}

	@Test
	void remindsOnlyOnDutyOfficersWhoHaveNotCheckedInAndBackfillsMissedPunches() {
		// the reminder waits for the configured time, every day
		Instant nextNine = LocalDate.ofInstant(this.clock.instant(), SHANGHAI)
			.plusDays(1)
			.atTime(9, 0)
			.atZone(SHANGHAI)
			.toInstant();
		assertThat(this.jdbc
			.queryForObject("SELECT due_at FROM due_work WHERE kind = 'CHECKIN_REMIND'" + " AND status = 'PENDING'",
					Timestamp.class)
			.toInstant()).isEqualTo(nextNine);
		List<String> onDuty = this.board.onDuty();
		assertThat(onDuty).contains("officer01", "officer05").doesNotContain("leader01", "demo-dispatcher");

		// most check in by event; officer02 punched while the hub was not listening
		for (String userId : onDuty) {
			if (!List.of("officer02", "officer03", "officer13").contains(userId)) {
				assertThat(this.events
					.send("attendance_check_record",
							Map.of("dataList", List.of(Map.of("userId", userId, "checkTime", this.clock.millis(),
									"address", "派出所", "locationResult", "Normal", "checkByUser", true))))
					.accepted()).isTrue();
			}
		}
		this.dingTalk.addAttendance("officer02", this.clock.instant(), "OnDuty", "Normal", "城关派出所");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.board.checkedInToday().size() == onDuty.size() - 3);
		this.dueWork.schedule(DutyJobs.BACKFILL, "test-" + this.clock.millis(), 0, this.clock.instant());
		this.dueWork.runDue();
		assertThat(this.board.missing()).containsExactly("officer03", "officer13");

		// the deadline passes (a reminder due now stands in for tomorrow's 09:00)
		this.dueWork.schedule(DutyJobs.REMIND, "test-" + this.clock.millis(), 0, this.clock.instant());
		this.dueWork.runDue();
		await().atMost(Duration.ofSeconds(10)).until(() -> dingsWith("签到提醒").size() == 1);
		assertThat(dingsWith("签到提醒").get(0).json().path("receiverUserIdList")).extracting(JsonNode::asText)
			.containsExactly("officer03", "officer13");

		post("msgCheckinSummary" + this.clock.millis() + "==", "签到统计");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !this.dingTalk.recorded(DingTalkSimulator.SESSION_REPLY).isEmpty());
		assertThat(this.dingTalk.recorded(DingTalkSimulator.SESSION_REPLY).get(0).body()).contains("今日签到", "城关派出所 3/4",
				"未签到：李强、马超");
	}

	@Test
	void tellsTheSquadLeaderOfAPunchOutsideTheGeofence() {
		assertThat(this.events
			.send("attendance_check_record",
					Map.of("dataList", List.of(Map.of("userId", "officer05", "checkTime", this.clock.millis(),
							"address", "城东加油站", "locationResult", "Outside", "checkByUser", true))))
			.accepted()).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.dingTalk.recorded(DingTalkSimulator.SEND_USERS)
				.stream()
				.anyMatch((call) -> call.body().contains("考勤范围外")));
		Recorded told = this.dingTalk.recorded(DingTalkSimulator.SEND_USERS)
			.stream()
			.filter((call) -> call.body().contains("考勤范围外"))
			.findFirst()
			.orElseThrow();
		assertThat(told.json().path("userIds")).extracting(JsonNode::asText).containsExactly("officer07");
		assertThat(told.body()).contains("陈静", "城东加油站");
	}

	private List<Recorded> dingsWith(String text) {
		return this.dingTalk.recorded(DingTalkSimulator.DING)
			.stream()
			.filter((call) -> call.body().contains(text))
			.toList();
	}

	private void post(String msgId, String text) {
		String callback = RobotCallbackSamples.message(msgId, "officer01", text, this.clock);
		assertThat(
				new Http(this.port).post("/callbacks/dingtalk/robot", callback, RobotCallbackSamples.signed(this.clock))
					.statusCode())
			.isEqualTo(200);
	}

}
