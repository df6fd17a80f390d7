package io.jingling.connectors.dingtalk.sim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jingling.connectors.dingtalk.sim.SimulatorHttp.Answered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DingTalkSimulatorOfficeTest {

	private static final String APP_KEY = "dinghubtestappkey01";

	private static final String APP_SECRET = "hub-test-app-secret-0001";

	private static final String JSON_TYPE = "application/json";

	private static final String FORM_TYPE = "application/x-www-form-urlencoded";

	// 2026-11-30 08:00 in China
	private static final Instant MONDAY = Instant.parse("2026-11-30T00:00:00Z");

	private static final long DAY = Duration.ofDays(1).toMillis();

	private static final String START = """
			{"originatorUserId":"officer001","processCode":"PROC-XC-APPROVAL",
			 "formComponentValues":[{"name":"协查编号","value":"XC-20261130-007"}],
			 "approvers":[{"actionType":"OR","userIds":["leader01","leader02"]}]}
			""";

	private static final TestClock clock = new TestClock(Instant.parse("2026-12-01T06:00:00Z"));

	private static DingTalkSimulator sim;

	private static SimulatorHttp http;

	private String token;

	@BeforeAll
	static void startSimulator() {
		sim = DingTalkSimulator.start(APP_KEY, APP_SECRET, APP_KEY, clock);
		http = new SimulatorHttp(sim, APP_KEY, APP_SECRET);
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@BeforeEach
	void resetSimulator() throws Exception {
		sim.reset();
		sim.onApprovalDecided(null);
		this.token = http.token();
	}

	@Test
	void checkinsTakeTenUsersAndTheirRangeRule() throws Exception {
		String eleven = IntStream.rangeClosed(1, 11).mapToObj((i) -> "officer" + i).collect(Collectors.joining(","));
		long start = MONDAY.toEpochMilli();

		assertThat(checkins(eleven, start, start + DAY, 0, 100).errcode()).isEqualTo(40035);
		assertThat(checkins("officer1,officer2", start, start + DAY, 0, 100).errcode()).isZero();
		assertThat(checkins("officer1,officer2", start, start + DAY + 1, 0, 100).errcode()).isEqualTo(40035);
		assertThat(checkins("officer1", start, start + 10 * DAY, 0, 100).errcode()).isZero();
		assertThat(checkins("officer1", start, start + 10 * DAY + 1, 0, 100).errcode()).isEqualTo(40035);
		assertThat(checkins("officer1", start, start - 1, 0, 100).errcode()).isEqualTo(40035);
		assertThat(checkins("officer1", start, start + DAY, 0, 101).errcode()).isEqualTo(40035);
		assertThat(checkins("officer1", start, start + DAY, 7, 100).errcode()).as("a cursor never given out")
			.isEqualTo(40035);
	}

	@Test
	void checkinsPageByCursorAndIncludeBothEnds() throws Exception {
		IntStream.range(0, 150).forEach((i) -> sim.addCheckin("officer1", MONDAY.plusSeconds(i), "卡点", 30.5, 120.25));
		long start = MONDAY.toEpochMilli();

		Answered first = checkins("officer1", start, start + 149_000, 0, 100);
		Answered second = checkins("officer1", start, start + 149_000,
				first.json().path("result").path("next_cursor").asInt(), 100);

		assertThat(first.json().path("result").path("page_list")).hasSize(100);
		assertThat(first.json().path("result").path("next_cursor").asInt()).isEqualTo(100);
		assertThat(second.json().path("result").path("page_list")).hasSize(50);
		assertThat(second.json().path("result").has("next_cursor")).as("none on the last page").isFalse();
		assertThat(first.json().path("result").path("page_list").get(0).path("latitude").asText()).isEqualTo("30.5");
		assertThat(first.json().path("request_id").asText()).isNotBlank();
	}

	@Test
	void attendanceTakesFiftyUsersSevenDaysAndFormBodies() throws Exception {
		sim.addAttendance("officer1", MONDAY.plusSeconds(60), "OnDuty", "Outside", "城西卡点");
		List<String> fiftyOne = IntStream.rangeClosed(1, 51).mapToObj((i) -> "\"officer" + i + "\"").toList();

		assertThat(attendance("[" + String.join(",", fiftyOne) + "]", "2026-11-30 08:00:00", "2026-12-01 08:00:00")
			.errcode()).isEqualTo(40035);
		assertThat(attendance("[\"officer1\"]", "2026-11-30 08:00:00", "2026-12-07 08:00:01").errcode())
			.isEqualTo(40035);
		assertThat(attendance("[\"officer1\"]", "2026-11-30T08:00:00", "2026-12-01 08:00:00").errcode())
			.isEqualTo(40035);
		String form = "userIds=" + URLEncoder.encode("[\"officer1\"]", StandardCharsets.UTF_8) + "&checkDateFrom="
				+ URLEncoder.encode("2026-11-30 08:00:00", StandardCharsets.UTF_8) + "&checkDateTo="
				+ URLEncoder.encode("2026-12-07 08:00:00", StandardCharsets.UTF_8) + "&isI18n=false";
		Answered punches = http.oapi(DingTalkSimulator.ATTENDANCE, this.token, FORM_TYPE, form);

		assertThat(punches.errcode()).isZero();
		assertThat(punches.json().path("recordresult")).singleElement().satisfies((punch) -> {
			assertThat(punch.path("userId").asText()).isEqualTo("officer1");
			assertThat(punch.path("userCheckTime").asLong()).isEqualTo(MONDAY.plusSeconds(60).toEpochMilli());
			assertThat(punch.path("checkType").asText()).isEqualTo("OnDuty");
			assertThat(punch.path("timeResult").asText()).isEqualTo("Normal");
			assertThat(punch.path("locationResult").asText()).isEqualTo("Outside");
			assertThat(punch.path("userAddress").asText()).isEqualTo("城西卡点");
		});
	}

	@Test
	void officePathsCheckTheOldApiToken() throws Exception {
		String body = "{\"report_id\":\"x\",\"offset\":0,\"size\":100}";

		Answered missing = http.oapi(DingTalkSimulator.REPORT_RECEIVERS, null, JSON_TYPE, body);
		Answered unknown = http.oapi(DingTalkSimulator.REPORT_RECEIVERS, "made-up", JSON_TYPE, body);

		assertThat(missing.errcode()).isEqualTo(88);
		assertThat(missing.json().path("sub_code").asText()).isEqualTo("40000");
		assertThat(unknown.json().path("sub_code").asText()).isEqualTo("40014");
		assertThat(sim.recorded(DingTalkSimulator.REPORT_RECEIVERS)).hasSize(2);
	}

	@Test
	void reportsCheckPageSizeRangeAndType() throws Exception {
		String reportId = sim.addReport("巡逻日报", "officer2", "张三", MONDAY, List.of("leader01", "leader02"),
				Map.of("今日巡逻", "城东"));
		long start = MONDAY.toEpochMilli();

		assertThat(oapi(DingTalkSimulator.REPORTS,
				"{\"start_time\":" + start + ",\"end_time\":" + (start + DAY) + ",\"cursor\":0,\"size\":21}")
			.errcode()).isEqualTo(40035);
		assertThat(oapi(DingTalkSimulator.REPORTS,
				"{\"start_time\":" + start + ",\"end_time\":" + (start + 181 * DAY) + ",\"cursor\":0,\"size\":20}")
			.errcode()).isEqualTo(40035);
		Answered byAuthor = oapi(DingTalkSimulator.REPORTS, "{\"start_time\":" + start + ",\"end_time\":"
				+ (start + DAY) + ",\"userid\":\"officer3\",\"cursor\":0,\"size\":20}");
		assertThat(byAuthor.json().path("result").path("data_list")).isEmpty();
		assertThat(byAuthor.json().path("result").path("has_more").asBoolean(true)).isFalse();
		sim.markReportRead(reportId, "leader02");
		assertThat(people(DingTalkSimulator.REPORT_READERS, reportId, 0)).containsExactly("leader02");
		assertThat(people(DingTalkSimulator.REPORT_READERS, reportId, 1)).as("nobody comments here").isEmpty();
		assertThat(oapi(DingTalkSimulator.REPORT_READERS, "{\"report_id\":\"" + reportId + "\",\"type\":3}").errcode())
			.isEqualTo(40035);
		assertThat(people(DingTalkSimulator.REPORT_RECEIVERS, reportId, null)).containsExactly("leader01", "leader02");
	}

	@Test
	void markingALogReadChecksItsReceivers() {
		String reportId = sim.addReport("巡逻日报", "officer2", "张三", MONDAY, List.of("leader01"), Map.of());

		assertThatIllegalArgumentException().isThrownBy(() -> sim.markReportRead("no-such-log", "leader01"));
		assertThatIllegalArgumentException().isThrownBy(() -> sim.markReportRead(reportId, "officer9"));
	}

	@Test
	void workflowChecksTheTokenAndTheStartShape() throws Exception {
		assertThat(http.post(DingTalkSimulator.APPROVALS, null, START).code())
			.isEqualTo("AuthenticationFailed.MissingParameter");
		assertThat(
				start(START.replace("\"approvers\":[{\"actionType\":\"OR\",\"userIds\":[\"leader01\",\"leader02\"]}]",
						"\"ccList\":[]")))
			.as("no approvers and no deptId")
			.isEqualTo("invalidParameter");
		assertThat(start(START.replace("\"OR\"", "\"ANY\""))).isEqualTo("invalidParameter");
		assertThat(start(START.replace("\"XC-20261130-007\"", "7"))).as("values are strings")
			.isEqualTo("invalidParameter");
		assertThat(start(START.replace("PROC-XC-APPROVAL", "XC-APPROVAL"))).isEqualTo("processCodeError");
		String fields = IntStream.rangeClosed(1, 151)
			.mapToObj((i) -> "{\"name\":\"f" + i + "\",\"value\":\"v\"}")
			.collect(Collectors.joining(","));
		assertThat(start(START.replace("[{\"name\":\"协查编号\",\"value\":\"XC-20261130-007\"}]", "[" + fields + "]")))
			.isEqualTo("invalidParameter");
		assertThat(sim.approvals()).isEmpty();
	}

	@Test
	void getAndTerminateAnswerLikeTheWorkflowApi() throws Exception {
		String instanceId = http.post(DingTalkSimulator.APPROVALS, this.token, START)
			.json()
			.path("instanceId")
			.asText();

		Answered running = http.get(DingTalkSimulator.APPROVALS + "?processInstanceId=" + instanceId, this.token);
		Answered terminated = http.post(DingTalkSimulator.APPROVAL_TERMINATE, this.token,
				"{\"processInstanceId\":\"" + instanceId + "\",\"isSystem\":true}");
		Answered again = http.post(DingTalkSimulator.APPROVAL_TERMINATE, this.token,
				"{\"processInstanceId\":\"" + instanceId + "\",\"isSystem\":true}");
		Answered after = http.get(DingTalkSimulator.APPROVALS + "?processInstanceId=" + instanceId, this.token);

		assertThat(running.json().path("success").asText()).isEqualTo("true");
		assertThat(running.json().path("result").path("status").asText()).isEqualTo("RUNNING");
		assertThat(running.json().path("result").path("createTime").asText()).isEqualTo("2026-12-01T06:00Z");
		assertThat(running.json().path("result").path("tasks")).extracting((task) -> task.path("status").asText())
			.containsExactly("RUNNING", "RUNNING");
		assertThat(terminated.json().path("result").asBoolean()).isTrue();
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.code()).isEqualTo("invalidParameter.processInstance.notRunning");
		assertThat(after.json().path("result").path("status").asText()).isEqualTo("TERMINATED");
		assertThat(after.json().path("result").path("operationRecords").get(1).has("userId")).isFalse();
		assertThat(http.get(DingTalkSimulator.APPROVALS + "?processInstanceId=nope", this.token).code())
			.isEqualTo("invalidParameter.processInstanceId.invalid");
		assertThat(sim.recorded(DingTalkSimulator.APPROVALS)).extracting(Recorded::method)
			.containsExactly("POST", "GET", "GET", "GET");
	}

	@Test
	void aDecisionCompletesTheApprovalAndTellsTheListener() throws Exception {
		String instanceId = http.post(DingTalkSimulator.APPROVALS, this.token, START)
			.json()
			.path("instanceId")
			.asText();
		List<String> heard = new ArrayList<>();
		sim.onApprovalDecided((approval, remark) -> heard.add(approval.instanceId() + " " + approval.status() + " "
				+ approval.result() + " " + remark + " " + sim.approvals().size()));

		sim.decideApproval(instanceId, "leader02", true, "同意发布");

		assertThat(heard).containsExactly(instanceId + " COMPLETED agree 同意发布 1");
		Answered decided = http.get(DingTalkSimulator.APPROVALS + "?processInstanceId=" + instanceId, this.token);
		assertThat(decided.json().path("result").path("tasks"))
			.extracting((task) -> task.path("userId").asText() + ":" + task.path("status").asText() + ":"
					+ task.path("result").asText())
			.containsExactly("leader01:CANCELED:NONE", "leader02:COMPLETED:AGREE");
		assertThatIllegalStateException().isThrownBy(() -> sim.decideApproval(instanceId, "leader01", false, null));
		assertThatIllegalArgumentException().isThrownBy(() -> sim.decideApproval(instanceId, "officer9", true, null));
		assertThatIllegalArgumentException().isThrownBy(() -> sim.decideApproval("nope", "leader01", true, null));
		assertThat(heard).hasSize(1);
	}

	@Test
	void resetForgetsOfficeStateButKeepsTheListener() throws Exception {
		sim.addCheckin("officer1", MONDAY, "卡点", 30.0, 120.0);
		sim.addAttendance("officer1", MONDAY, "OnDuty", "Normal", "城东");
		String reportId = sim.addReport("巡逻日报", "officer2", "张三", MONDAY, List.of("leader01"), Map.of());
		List<String> heard = new ArrayList<>();
		sim.onApprovalDecided((approval, remark) -> heard.add(approval.instanceId()));
		sim.clearJournal();

		assertThat(checkins("officer1", MONDAY.toEpochMilli(), MONDAY.toEpochMilli() + DAY, 0, 100).json()
			.path("result")
			.path("page_list")).as("clearJournal keeps office state").hasSize(1);
		sim.reset();
		this.token = http.token();
		String instanceId = http.post(DingTalkSimulator.APPROVALS, this.token, START)
			.json()
			.path("instanceId")
			.asText();
		sim.decideApproval(instanceId, "leader01", true, null);

		assertThat(checkins("officer1", MONDAY.toEpochMilli(), MONDAY.toEpochMilli() + DAY, 0, 100).json()
			.path("result")
			.path("page_list")).isEmpty();
		assertThat(
				attendance("[\"officer1\"]", "2026-11-30 08:00:00", "2026-12-01 08:00:00").json().path("recordresult"))
			.isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> sim.markReportRead(reportId, "leader01"));
		assertThat(sim.approvals()).hasSize(1);
		assertThat(heard).containsExactly(instanceId);
	}

	private Answered checkins(String users, long start, long end, int cursor, int size) throws Exception {
		return oapi(DingTalkSimulator.CHECKINS, "{\"userid_list\":\"" + users + "\",\"start_time\":" + start
				+ ",\"end_time\":" + end + ",\"cursor\":" + cursor + ",\"size\":" + size + "}");
	}

	private Answered attendance(String userIds, String from, String to) throws Exception {
		return oapi(DingTalkSimulator.ATTENDANCE, "{\"userIds\":" + userIds + ",\"checkDateFrom\":\"" + from
				+ "\",\"checkDateTo\":\"" + to + "\",\"isI18n\":false}");
	}

	private List<String> people(String path, String reportId, Integer type) throws Exception {
		String typed = (type != null) ? ",\"type\":" + type : "";
		List<String> userIds = new ArrayList<>();
		oapi(path, "{\"report_id\":\"" + reportId + "\"" + typed + ",\"offset\":0,\"size\":100}").json()
			.path("result")
			.path("userid_list")
			.forEach((userId) -> userIds.add(userId.asText()));
		return userIds;
	}

	private String start(String body) throws Exception {
		Answered answered = http.post(DingTalkSimulator.APPROVALS, this.token, body);
		assertThat(answered.status()).isEqualTo(400);
		return answered.code();
	}

	private Answered oapi(String path, String json) throws Exception {
		return http.oapi(path, this.token, JSON_TYPE, json);
	}

}
