package io.jingling.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.reads.EscalationPolicies;
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
 * An admin edits the escalation policies through the API: the file seeded version 1; a
 * good edit becomes version 2 with its diff and applies at once; a bad one is refused
 * with the file, entry and reason and changes nothing; a roll-back is a new version with
 * the old content; a check without saving and the diff between two versions; only a
 * pending version can be approved.
 */
@HubTest
class ConfigVersionsTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	EscalationPolicies policies;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void anOrderKeepsThePolicyVersionItWasPostedUnder() throws Exception {
		ConsoleSession admin = ConsoleSession.login(this.port, "demo-admin", "jingling-demo");
		int before = JSON.readTree(admin.get("/api/config/versions/escalation").body()).get(0).path("version").asInt();
		String first = postUrgentOrder("msgPolicyVersionA==");

		String file = Files.readString(Path.of("../config/escalation.yaml"));
		assertThat(
				admin.post("/api/config/versions/escalation",
						JSON.writeValueAsString(Map.of("content",
								file.replace("{ after: 3m, action: ding }", "{ after: 7m, action: ding }"), "reason",
								"紧急警令 7 分钟再 DING")))
					.statusCode())
			.isEqualTo(200);
		try {
			String second = postUrgentOrder("msgPolicyVersionB==");

			assertThat(this.jdbc.queryForObject("SELECT escalation_version FROM dispatch_order WHERE code = ?",
					Integer.class, first))
				.isEqualTo(before);
			assertThat(this.jdbc.queryForObject("SELECT escalation_version FROM dispatch_order WHERE code = ?",
					Integer.class, second))
				.isEqualTo(before + 1);
			assertThat(firstStepAfterSending(first)).isEqualTo(Duration.ofMinutes(3));
			assertThat(firstStepAfterSending(second)).isEqualTo(Duration.ofMinutes(7));
		}
		finally {
			admin.post("/api/config/versions/escalation/rollback",
					JSON.writeValueAsString(Map.of("version", before, "reason", "测试后恢复")));
		}
	}

	private String postUrgentOrder(String msgId) {
		String callback = RobotCallbackSamples.message(msgId, "demo-dispatcher", "警令 紧急 城关派出所 立即到岗", this.clock);
		assertThat(
				new Http(this.port).post("/callbacks/dingtalk/robot", callback, RobotCallbackSamples.signed(this.clock))
					.statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM tracked_message m JOIN dispatch_order o"
					+ " ON o.code = m.order_code JOIN inbox_event i ON o.source_event_id = i.id"
					+ " WHERE i.platform_msg_id = ?", Integer.class, msgId) == 1);
		return this.jdbc.queryForObject("SELECT o.code FROM dispatch_order o JOIN inbox_event i"
				+ " ON o.source_event_id = i.id WHERE i.platform_msg_id = ?", String.class, msgId);
	}

	private Duration firstStepAfterSending(String code) {
		Timestamp sent = this.jdbc.queryForObject("SELECT sent_at FROM tracked_message WHERE order_code = ?",
				Timestamp.class, code);
		Timestamp due = this.jdbc.queryForObject(
				"SELECT due_at FROM due_work WHERE kind = 'ESCALATE' AND subject = ? AND step = 1", Timestamp.class,
				code);
		return Duration.between(sent.toInstant(), due.toInstant());
	}

	@Test
	void editsAreCheckedVersionedAppliedAndRolledBack() throws Exception {
		ConsoleSession dispatcher = ConsoleSession.login(this.port, "demo-dispatcher", "jingling-demo");
		assertThat(dispatcher.get("/api/config/versions/escalation").statusCode()).isEqualTo(403);

		ConsoleSession admin = ConsoleSession.login(this.port, "demo-admin", "jingling-demo");
		JsonNode versions = JSON.readTree(admin.get("/api/config/versions/escalation").body());
		int first = versions.get(versions.size() - 1).path("version").asInt();
		assertThat(first).isEqualTo(1);
		assertThat(versions.get(versions.size() - 1).path("author").asText()).isEqualTo("file");
		int latest = versions.get(0).path("version").asInt();

		String file = Files.readString(Path.of("../config/escalation.yaml"));
		String faster = file.replace("{ after: 3m, action: ding }", "{ after: 2m, action: ding }");
		var edited = admin.post("/api/config/versions/escalation",
				JSON.writeValueAsString(Map.of("content", faster, "reason", "紧急警令提前到 2 分钟 DING")));
		assertThat(edited.statusCode()).isEqualTo(200);
		JsonNode version = JSON.readTree(edited.body());
		assertThat(version.path("version").asInt()).isEqualTo(latest + 1);
		assertThat(version.path("author").asText()).isEqualTo("demo-admin");
		assertThat(version.path("diff").asText()).contains("- ", "{ after: 3m, action: ding }", "+ ",
				"{ after: 2m, action: ding }");
		assertThat(this.policies.policy("urgent").orElseThrow().steps().get(0).after())
			.isEqualTo(Duration.ofMinutes(2));

		String broken = file.replace("{ after: 3m, action: ding }", "{ after: 3m, action: dingg }");
		var refused = admin.post("/api/config/versions/escalation",
				JSON.writeValueAsString(Map.of("content", broken, "reason", "试一下")));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(refused.body()).path("detail").asText())
			.contains("config/escalation.yaml: policies.urgent.steps[0]", "unknown action 'dingg'");
		var invalid = admin.post("/api/config/versions/escalation/validate",
				JSON.writeValueAsString(Map.of("content", broken)));
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(invalid.body()).path("detail").asText()).contains("unknown action 'dingg'");
		var valid = admin.post("/api/config/versions/escalation/validate",
				JSON.writeValueAsString(Map.of("content", file)));
		assertThat(valid.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(valid.body()).path("valid").asBoolean()).isTrue();
		assertThat(JSON.readTree(admin.get("/api/config/versions/escalation").body()).get(0).path("version").asInt())
			.isEqualTo(latest + 1);
		assertThat(JSON.readTree(admin.get("/api/config/versions").body()).toString())
			.contains("{\"kind\":\"escalation\",\"active\":" + (latest + 1) + "}");
		assertThat(JSON
			.readTree(admin.get("/api/config/versions/escalation/diff?from=" + latest + "&to=" + (latest + 1)).body())
			.path("diff")
			.asText()).isEqualTo(version.path("diff").asText());
		assertThat(this.policies.policy("urgent").orElseThrow().steps().get(0).after())
			.isEqualTo(Duration.ofMinutes(2));

		var rolledBack = admin.post("/api/config/versions/escalation/rollback",
				JSON.writeValueAsString(Map.of("version", latest, "reason", "恢复原来的流程")));
		assertThat(rolledBack.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(rolledBack.body()).path("version").asInt()).isEqualTo(latest + 2);
		assertThat(JSON.readTree(rolledBack.body()).path("reason").asText()).startsWith("回滚到第 " + latest + " 版");
		assertThat(this.policies.policy("urgent").orElseThrow().steps().get(0).after())
			.isEqualTo(Duration.ofMinutes(3));
		assertThat(
				JSON.readTree(admin.get("/api/config/versions/escalation/" + latest).body()).path("content").asText())
			.isEqualTo(JSON.readTree(admin.get("/api/config/versions/escalation/" + (latest + 2)).body())
				.path("content")
				.asText());
		assertThat(admin.get("/api/config/versions/nothing").statusCode()).isEqualTo(404);

		var notPending = admin.post("/api/config/versions/escalation/" + latest + "/activate", "{}");
		assertThat(notPending.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(notPending.body()).path("detail").asText()).isEqualTo("第 " + latest + " 版不是待批准的版本");
		assertThat(dispatcher.post("/api/config/versions/escalation/" + latest + "/activate", "{}").statusCode())
			.isEqualTo(403);
	}

}
