package io.jingling.connectors.dingtalk.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.TransientConnectorException;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator.Failure;
import io.jingling.connectors.dingtalk.sim.Recorded;
import io.jingling.connectors.dingtalk.sim.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdkDingTalkOfficeCheckinTest {

	private static final String APP_KEY = "dinghubtestappkey01";

	private static final String APP_SECRET = "hub-test-app-secret-0001";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	// 2026-11-30 08:00 in China
	private static final Instant MONDAY = Instant.parse("2026-11-30T00:00:00Z");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TestClock clock = new TestClock(Instant.parse("2026-12-20T06:00:00Z"));

	private static DingTalkSimulator sim;

	private SdkDingTalkClient client;

	private DingTalkOffice office;

	@BeforeAll
	static void startSimulator() {
		sim = DingTalkSimulator.start(APP_KEY, APP_SECRET, APP_KEY, clock);
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@BeforeEach
	void newClient() {
		sim.reset();
		URI url = sim.baseUrl();
		this.client = new SdkDingTalkClient(
				new DingTalkSettings(url, url, APP_KEY, APP_SECRET, APP_KEY, Duration.ofSeconds(2)), clock);
		this.office = this.client.office();
	}

	@Test
	void asksForCheckinsOnTheOldApiWithTheSharedToken() throws Exception {
		sim.addCheckin("officer002", MONDAY.plusSeconds(3600), "城东卡点", 30.0001, 120.0001);
		sim.addCheckin("officer002", MONDAY.plusSeconds(60), "城东派出所", 30.0002, 120.0002);
		this.client.groupMembers("cidCmdGroup0001==");

		List<CheckinRecord> checkins = this.office.checkins(List.of("officer002"), MONDAY, MONDAY.plusSeconds(7200));

		assertThat(checkins).containsExactly(
				new CheckinRecord("officer002", MONDAY.plusSeconds(60), "城东派出所", "城东派出所", 30.0002, 120.0002),
				new CheckinRecord("officer002", MONDAY.plusSeconds(3600), "城东卡点", "城东卡点", 30.0001, 120.0001));
		String token = sim.recorded(DingTalkSimulator.GROUP_MEMBERS)
			.get(0)
			.headers()
			.get("x-acs-dingtalk-access-token");
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).hasSize(1);
		assertThat(sim.recorded(DingTalkSimulator.CHECKINS)).singleElement().satisfies((call) -> {
			assertThat(call.method()).isEqualTo("POST");
			assertThat(call.query()).isEqualTo("access_token=" + token);
			assertThat(call.headers().get("Content-Type")).startsWith("application/json");
			assertThat(call.json())
				.isEqualTo(JSON.readTree("{\"userid_list\":\"officer002\",\"start_time\":" + MONDAY.toEpochMilli()
						+ ",\"end_time\":" + (MONDAY.toEpochMilli() + 7_199_999) + ",\"cursor\":0,\"size\":100}"));
		});
		assertThat(checkins.get(0)).asString().doesNotContain("officer002", "城东");
	}

	@Test
	void followsTheCursorThroughTwoHundredFiftyCheckins() {
		IntStream.range(0, 250)
			.forEach((i) -> sim.addCheckin("officer002", MONDAY.plusSeconds(60L * i), "卡点" + i, 30.0, 120.0));

		List<CheckinRecord> checkins = this.office.checkins(List.of("officer002"), MONDAY,
				MONDAY.plus(Duration.ofDays(1)));

		assertThat(checkins).hasSize(250);
		assertThat(checkins).extracting(CheckinRecord::place).startsWith("卡点0", "卡点1").endsWith("卡点249");
		assertThat(sim.recorded(DingTalkSimulator.CHECKINS)).extracting((call) -> call.json().get("cursor").asInt())
			.containsExactly(0, 100, 200);
	}

	@Test
	void asksForTenUsersAtATimeAndADayAtATimeForSeveral() {
		List<String> twelve = IntStream.rangeClosed(1, 12).mapToObj((i) -> String.format("officer%03d", i)).toList();
		Instant to = MONDAY.plus(Duration.ofHours(60));
		sim.addCheckin("officer001", MONDAY.plus(Duration.ofDays(1)), "零点整", 30.0, 120.0);
		sim.addCheckin("officer012", to.minusMillis(1), "最后一刻", 30.0, 120.0);
		sim.addCheckin("officer012", to, "范围之外", 30.0, 120.0);

		List<CheckinRecord> checkins = this.office.checkins(twelve, MONDAY, to);

		assertThat(checkins).extracting(CheckinRecord::place).containsExactly("零点整", "最后一刻");
		List<JsonNode> calls = sim.recorded(DingTalkSimulator.CHECKINS).stream().map(Recorded::json).toList();
		assertThat(calls).hasSize(6);
		assertThat(calls).extracting((call) -> call.get("userid_list").asText().split(",").length)
			.containsExactly(10, 10, 10, 2, 2, 2);
		assertThat(calls)
			.allSatisfy((call) -> assertThat(call.get("end_time").asLong() - call.get("start_time").asLong())
				.isLessThan(Duration.ofDays(1).toMillis()));
		assertThat(calls.subList(0, 3)).extracting((call) -> call.get("start_time").asLong())
			.containsExactly(MONDAY.toEpochMilli(), MONDAY.plus(Duration.ofDays(1)).toEpochMilli(),
					MONDAY.plus(Duration.ofDays(2)).toEpochMilli());
		assertThat(calls.get(2).get("end_time").asLong()).isEqualTo(to.toEpochMilli() - 1);
	}

	@Test
	void oneUserIsAskedForTenDaysAtATime() {
		this.office.checkins(List.of("officer002", "officer002"), MONDAY, MONDAY.plus(Duration.ofDays(25)));

		assertThat(sim.recorded(DingTalkSimulator.CHECKINS)).extracting(Recorded::json)
			.extracting((call) -> call.get("start_time").asLong())
			.containsExactly(MONDAY.toEpochMilli(), MONDAY.plus(Duration.ofDays(10)).toEpochMilli(),
					MONDAY.plus(Duration.ofDays(20)).toEpochMilli());
	}

	@Test
	void nothingToAskMeansNoCall() {
		assertThat(this.office.checkins(List.of(), MONDAY, MONDAY.plusSeconds(60))).isEmpty();
		assertThat(this.office.checkins(List.of("officer002"), MONDAY, MONDAY)).isEmpty();
		assertThat(this.office.attendance(List.of("officer002"), MONDAY, MONDAY, CHINA)).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.office.checkins(List.of("officer002"), MONDAY, MONDAY.minusSeconds(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.office.checkins(List.of("a,b"), MONDAY, MONDAY.plusSeconds(1)));
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).isEmpty();
		assertThat(sim.recorded(DingTalkSimulator.CHECKINS)).isEmpty();
	}

	@Test
	void asksForAttendanceInLocalDatesFiftyUsersAndSevenDaysAtATime() throws Exception {
		List<String> sixty = IntStream.rangeClosed(1, 60).mapToObj((i) -> String.format("officer%03d", i)).toList();
		Instant to = MONDAY.plus(Duration.ofDays(10));
		sim.addAttendance("officer001", MONDAY.plusSeconds(30), "OnDuty", "Normal", "城东派出所");
		sim.addAttendance("officer055", MONDAY.plus(Duration.ofDays(7)), "OffDuty", "Outside", "城西卡点");
		sim.addAttendance("officer055", MONDAY.minusSeconds(1), "OffDuty", "Normal", "范围之前");
		sim.addAttendance("officer001", to, "OnDuty", "Normal", "范围之后");

		List<AttendanceRecord> punches = this.office.attendance(sixty, MONDAY, to, CHINA);

		assertThat(punches).containsExactly(
				new AttendanceRecord("officer001", MONDAY.plusSeconds(30), "OnDuty", "Normal", "Normal", "城东派出所"),
				new AttendanceRecord("officer055", MONDAY.plus(Duration.ofDays(7)), "OffDuty", "Normal", "Outside",
						"城西卡点"));
		List<JsonNode> calls = sim.recorded(DingTalkSimulator.ATTENDANCE).stream().map(Recorded::json).toList();
		assertThat(calls).hasSize(4);
		assertThat(calls.get(0).get("userIds")).hasSize(50);
		assertThat(calls.get(2).get("userIds")).hasSize(10);
		assertThat(calls.get(0).get("checkDateFrom").asText()).isEqualTo("2026-11-30 08:00:00");
		assertThat(calls.get(0).get("checkDateTo").asText()).isEqualTo("2026-12-07 08:00:00");
		assertThat(calls.get(1).get("checkDateFrom").asText()).isEqualTo("2026-12-07 08:00:00");
		assertThat(calls.get(1).get("checkDateTo").asText()).isEqualTo("2026-12-10 08:00:00");
		assertThat(calls.get(0).get("isI18n").asBoolean(true)).isFalse();
		assertThat(calls.get(0).get("userIds").get(0).asText()).isEqualTo("officer001");
		assertThat(punches.get(0)).asString().doesNotContain("officer001", "城东").contains("OnDuty");
	}

	@Test
	void mapsOldApiErrorsAndRefreshesTheTokenOnce() {
		sim.addCheckin("officer002", MONDAY.plusSeconds(60), "城东卡点", 30.0, 120.0);
		sim.failNext(DingTalkSimulator.CHECKINS, Failure.THROTTLED, 1);
		sim.failNext(DingTalkSimulator.CHECKINS, Failure.BAD_REQUEST, 1);
		sim.failNext(DingTalkSimulator.ATTENDANCE, Failure.BUSY, 1);
		List<String> one = List.of("officer002");
		Instant to = MONDAY.plusSeconds(3600);

		assertThatThrownBy(() -> this.office.checkins(one, MONDAY, to)).isInstanceOfSatisfying(
				ThrottledConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("90018"));
		assertThatThrownBy(() -> this.office.checkins(one, MONDAY, to)).isInstanceOfSatisfying(
				PermanentConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("40035"));
		assertThatThrownBy(() -> this.office.attendance(one, MONDAY, to, CHINA))
			.isInstanceOfSatisfying(TransientConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("-1"))
			.isNotInstanceOf(ThrottledConnectorException.class);
		sim.expireTokens();
		assertThat(this.office.checkins(one, MONDAY, to)).hasSize(1);
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).hasSize(2);
		assertThat(sim.recorded(DingTalkSimulator.CHECKINS)).as("two failures, one refused token, one retry")
			.hasSize(4);
	}

}
