package io.jingling.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.jingling.directory.QuotaPolicy;
import io.jingling.support.ConsoleSession;
import io.jingling.support.Http;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.support.RobotCallbackSamples;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An admin dry-runs rule changes: one on the robot messages recorded today lists the
 * group the candidate would no longer answer; one on the sample assist request shows the
 * two circles it would no longer reach and the approval it would ask for instead. Nothing
 * is stored, queued or sent, and the rules in force stay as they were.
 */
@HubTest
class RulesDryRunTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<String> OUTBOUND = List.of(DingTalkSimulator.SEND_GROUP, DingTalkSimulator.SEND_USERS,
			DingTalkSimulator.SESSION_REPLY, DingTalkSimulator.WORK_NOTICE_SEND, DingTalkSimulator.DING,
			DingTalkSimulator.APPROVALS);

	@LocalServerPort
	int port;

	@Autowired
	DingTalkSimulator dingTalk;

	@Autowired
	WeComSimulator weCom;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void listsTheRecipientsACandidateAddsAndRemovesAndSendsNothing() throws Exception {
		String inStation = stationGroupMessage("msgDryRunStation==", "今晚谁值班");
		assertThat(new Http(this.port)
			.post("/callbacks/dingtalk/robot", inStation, RobotCallbackSamples.signed(this.clock))
			.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.dingTalk.recorded(DingTalkSimulator.SESSION_REPLY)
				.stream()
				.anyMatch((call) -> call.query().contains("msgDryRunStation")));

		ConsoleSession admin = ConsoleSession.login(this.port, "demo-admin", "jingling-demo");
		int active = JSON.readTree(admin.get("/api/config/versions/rules").body()).get(0).path("version").asInt();
		String rules = JSON.readTree(admin.get("/api/config/versions/rules/" + active).body()).path("content").asText();
		Map<String, Integer> before = sideEffects();

		String quiet = rules.replace("  when: event.conversationType == \"group\" && channel != \"command\"",
				"  when: false");
		assertThat(quiet).isNotEqualTo(rules);
		var recorded = admin.post("/api/config/versions/rules/dry-run",
				JSON.writeValueAsString(Map.of("content", quiet, "days", 1)));
		assertThat(recorded.statusCode()).isEqualTo(200);
		JsonNode report = JSON.readTree(recorded.body());
		assertThat(report.path("removed").toString()).contains("群「城关派出所」");
		JsonNode station = outcome(report, "dingtalk:msgDryRunStation==");
		assertThat(station.path("conversation").asText()).isEqualTo("群「城关派出所」");
		assertThat(station.path("current").get(0).asText()).isEqualTo("回复：警铃只在指挥群里接受指令。");
		assertThat(station.path("candidate")).isEmpty();
		assertThat(station.path("removed").toString()).isEqualTo("[\"群「城关派出所」\"]");
		assertThat(station.path("added")).isEmpty();

		String gated = rules
			.replace("when: size(event.circles) == 6 || event.sensitive",
					"when: size(event.circles) >= 2 || event.sensitive")
			.replace("when: size(event.circles) > 0 && size(event.circles) < 6 && !event.sensitive",
					"when: size(event.circles) == 1 && !event.sensitive");
		var onSample = admin.post("/api/config/versions/rules/dry-run",
				JSON.writeValueAsString(Map.of("content", gated, "sample", "at-bot-assist-request.json")));
		assertThat(onSample.statusCode()).isEqualTo(200);
		JsonNode sample = JSON.readTree(onSample.body());
		assertThat(sample.path("events").asInt()).isEqualTo(1);
		assertThat(sample.path("changed").asInt()).isEqualTo(1);
		assertThat(sample.path("removed").toString()).isEqualTo("[\"圈子「交通运输圈」\",\"圈子「房屋出租圈」\"]");
		assertThat(sample.path("added").toString()).isEqualTo("[\"审批：局领导\"]");
		JsonNode assist = sample.path("outcomes").get(0);
		assertThat(assist.path("current").toString()).contains("登记协查，圈子 交通运输圈、房屋出租圈", "向圈子群发协查");
		assertThat(assist.path("candidate").toString()).contains("发起钉钉审批，同意后才群发").doesNotContain("向圈子群发协查");

		assertThat(sideEffects()).isEqualTo(before);
		assertThat(JSON.readTree(admin.get("/api/config/versions/rules").body()).get(0).path("version").asInt())
			.isEqualTo(active);
	}

	@Test
	void countsTheMessagesPerChannelTheSmsAnOrderCouldCostAndTheGroupsWithoutQuota() throws Exception {
		ConsoleSession admin = ConsoleSession.login(this.port, "demo-admin", "jingling-demo");
		int active = JSON.readTree(admin.get("/api/config/versions/rules").body()).get(0).path("version").asInt();
		String rules = JSON.readTree(admin.get("/api/config/versions/rules/" + active).body()).path("content").asText();
		Map<String, Integer> before = sideEffects();

		JsonNode order = JSON
			.readTree(admin
				.post("/api/config/versions/rules/dry-run",
						JSON.writeValueAsString(Map.of("content", rules, "sample", "at-bot-urgent-order.json")))
				.body());
		int officers = this.jdbc.queryForObject("SELECT COUNT(*) FROM officer", Integer.class);
		JsonNode current = order.path("current");
		assertThat(current.path("messages").path("钉钉工作通知").asInt()).isEqualTo(officers);
		// the urgent policy has one SMS step, for everyone who has not read by then
		assertThat(current.path("smsAtMost").asInt()).isEqualTo(officers);
		assertThat(current.path("smsCost").decimalValue())
			.isEqualByComparingTo(new BigDecimal("0.045").multiply(BigDecimal.valueOf(officers)));
		assertThat(order.path("candidate")).isEqualTo(current);
		assertThat(order.path("changed").asInt()).isZero();

		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of("Asia/Shanghai")));
		String period = QuotaPolicy.DAYS_IN_MONTH.period(today);
		String hekou = "wrJLDemoTransportHekou01";
		List<Integer> used = this.jdbc.queryForList("SELECT used FROM group_quota_use WHERE chat_id = ? AND period = ?",
				Integer.class, hekou, period);
		this.jdbc.update("DELETE FROM group_quota_use WHERE chat_id = ? AND period = ?", hekou, period);
		this.jdbc.update("INSERT INTO group_quota_use (chat_id, period, used) VALUES (?, ?, ?)", hekou, period,
				QuotaPolicy.DAYS_IN_MONTH.limit(today));
		try {
			String gated = rules
				.replace("when: size(event.circles) == 6 || event.sensitive",
						"when: size(event.circles) >= 2 || event.sensitive")
				.replace("when: size(event.circles) > 0 && size(event.circles) < 6 && !event.sensitive",
						"when: size(event.circles) == 1 && !event.sensitive");
			JsonNode assist = JSON.readTree(
					admin
						.post("/api/config/versions/rules/dry-run",
								JSON.writeValueAsString(
										Map.of("content", gated, "sample", "at-bot-assist-request.json")))
						.body());
			Map<String, Integer> tasks = new TreeMap<>();
			JSON.readTree(admin.get("/api/circles").body())
				.forEach((circle) -> tasks.put(circle.path("id").asText(), circle.path("tasks").asInt()));
			assertThat(assist.path("current").path("messages").path("企业微信群发").asInt())
				.isEqualTo(tasks.get("transport") + tasks.get("rental"));
			assertThat(assist.path("current").path("quotaBreaches").toString()).isEqualTo("[\"河口客运协查群\"]");
			assertThat(assist.path("outcomes").get(0).path("current").toString()).contains("本期群发次数已用完、不发：河口客运协查群");
			assertThat(assist.path("candidate").path("messages").path("钉钉审批").asInt()).isEqualTo(1);
			assertThat(assist.path("candidate").path("messages").has("企业微信群发")).isFalse();
			assertThat(assist.path("candidate").path("quotaBreaches")).isEmpty();
		}
		finally {
			this.jdbc.update("DELETE FROM group_quota_use WHERE chat_id = ? AND period = ?", hekou, period);
			used.forEach((value) -> this.jdbc
				.update("INSERT INTO group_quota_use (chat_id, period, used) VALUES (?, ?, ?)", hekou, period, value));
		}
		assertThat(sideEffects()).isEqualTo(before);
	}

	@Test
	void refusesACandidateThatDoesNotCompileAnUnknownSampleAndNonAdmins() throws Exception {
		ConsoleSession admin = ConsoleSession.login(this.port, "demo-admin", "jingling-demo");
		var broken = admin.post("/api/config/versions/rules/dry-run",
				JSON.writeValueAsString(
						Map.of("content",
								"# ---- file: command.yaml ----\n- id: x\n  event: RobotMessageReceived\n"
										+ "  when: event.circels == 1\n  then:\n    - reply: { text: hi }\n",
								"days", 1)));
		assertThat(broken.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(broken.body()).path("detail").asText())
			.startsWith("config/rules/command.yaml, rule x");

		String rules = JSON.readTree(admin.get("/api/config/versions/rules/1").body()).path("content").asText();
		var unknown = admin.post("/api/config/versions/rules/dry-run",
				JSON.writeValueAsString(Map.of("content", rules, "sample", "../demo/bureau.yaml")));
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(unknown.body()).path("detail").asText()).startsWith("没有这个样例");
		assertThat(JSON.readTree(admin.get("/api/config/versions/rules/dry-run/samples").body()).toString())
			.contains("at-bot-assist-request.json", "at-bot-help.json");

		ConsoleSession dispatcher = ConsoleSession.login(this.port, "demo-dispatcher", "jingling-demo");
		assertThat(dispatcher
			.post("/api/config/versions/rules/dry-run", JSON.writeValueAsString(Map.of("content", rules, "days", 1)))
			.statusCode()).isEqualTo(403);
	}

	private String stationGroupMessage(String msgId, String text) throws Exception {
		ObjectNode body = (ObjectNode) JSON
			.readTree(RobotCallbackSamples.message(msgId, "demo-dispatcher", text, this.clock));
		body.put("conversationId", "cidJinglingDemoChengguan==");
		body.put("conversationTitle", "城关派出所");
		return JSON.writeValueAsString(body);
	}

	private static JsonNode outcome(JsonNode report, String eventId) {
		for (JsonNode outcome : report.path("outcomes")) {
			if (outcome.path("eventId").asText().equals(eventId)) {
				return outcome;
			}
		}
		throw new AssertionError("no outcome for " + eventId + " in " + report);
	}

	private Map<String, Integer> sideEffects() {
		Map<String, Integer> counts = new TreeMap<>();
		OUTBOUND.forEach((path) -> counts.put(path, this.dingTalk.recorded(path).size()));
		counts.put(WeComSimulator.ADD_MSG_TEMPLATE, this.weCom.recorded(WeComSimulator.ADD_MSG_TEMPLATE).size());
		for (String table : List.of("inbox_event", "outbox", "assist_request", "dispatch_order", "approval")) {
			counts.put(table, this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
		}
		return counts;
	}

}
