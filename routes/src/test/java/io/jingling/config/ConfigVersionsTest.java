package io.jingling.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.reads.EscalationPolicies;
import io.jingling.support.ConsoleSession;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.support.PostedOrders;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

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
		return PostedOrders.post(this.port, this.jdbc, this.clock, msgId, "警令 紧急 城关派出所 立即到岗");
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

	@Test
	void aVersionMustKeepTheUrgentPolicyAndAnSmsTemplateTheHubKnows() throws Exception {
		ConsoleSession admin = ConsoleSession.login(this.port, "demo-admin", "jingling-demo");
		String file = Files.readString(Path.of("../config/escalation.yaml"));
		int active = JSON.readTree(admin.get("/api/config/versions/escalation").body()).get(0).path("version").asInt();

		var withoutUrgent = admin.post("/api/config/versions/escalation", JSON
			.writeValueAsString(Map.of("content", file.replace("  urgent:", "  very-urgent:"), "reason", "改名")));
		assertThat(withoutUrgent.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(withoutUrgent.body()).path("detail").asText())
			.isEqualTo("config/escalation.yaml: policies: 缺少 urgent，调度员写「警令 紧急」时用它");
		var unknownTemplate = admin.post("/api/config/versions/escalation/validate",
				JSON.writeValueAsString(Map.of("content", file.replace("SMS_490000001", "SMS_499999999"))));
		assertThat(unknownTemplate.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(unknownTemplate.body()).path("detail").asText())
			.startsWith("config/escalation.yaml: sms-template: 短信模板 SMS_499999999 未登记：须为启动时的 SMS_490000001");

		assertThat(JSON.readTree(admin.get("/api/config/versions/escalation").body()).get(0).path("version").asInt())
			.isEqualTo(active);
		assertThat(this.policies.policy("urgent")).isPresent();
		assertThat(this.policies.smsTemplate().code()).isEqualTo("SMS_490000001");
	}

	@Test
	void exportsAVersionAsFilesAndImportsAnEditedCopyCheckedLikeAnEdit() throws Exception {
		ConsoleSession admin = ConsoleSession.login(this.port, "demo-admin", "jingling-demo");
		int active = JSON.readTree(admin.get("/api/config/versions/rules").body()).get(0).path("version").asInt();
		var exported = admin.download("/api/config/versions/rules/" + active + "/export");
		assertThat(exported.statusCode()).isEqualTo(200);
		assertThat(exported.headers().firstValue("Content-Type")).contains("application/zip");
		assertThat(exported.headers().firstValue("Content-Disposition").orElse(""))
			.contains("jingling-rules-v" + active + ".zip");
		Map<String, String> files = unzip(exported.body());
		assertThat(files).containsOnlyKeys("config/rules/circles.yaml", "config/rules/command.yaml");
		assertThat(files.get("config/rules/command.yaml"))
			.isEqualTo(Files.readString(Path.of("../config/rules/command.yaml")));

		Map<String, String> edited = new TreeMap<>(files);
		edited.put("config/rules/command.yaml",
				files.get("config/rules/command.yaml").replace("警铃只在指挥群里接受指令。", "警铃只在指挥群里接受指令，请到指挥中心群 @警铃。"));
		try {
			var imported = admin.upload("/api/config/versions/rules/import?reason=" + encode("从 Git 仓库导入"), zip(edited),
					"application/zip");
			assertThat(imported.statusCode()).isEqualTo(200);
			JsonNode version = JSON.readTree(imported.body());
			assertThat(version.path("version").asInt()).isEqualTo(active + 1);
			assertThat(version.path("reason").asText()).isEqualTo("导入：从 Git 仓库导入");
			assertThat(version.path("diff").asText()).contains("+ ", "请到指挥中心群 @警铃。");

			Map<String, String> broken = new TreeMap<>(files);
			broken.put("config/rules/command.yaml",
					files.get("config/rules/command.yaml").replace("channel == \"command\"", "event.chanel == 1"));
			var refused = admin.upload("/api/config/versions/rules/import?reason=" + encode("坏的"), zip(broken),
					"application/zip");
			assertThat(refused.statusCode()).isEqualTo(422);
			assertThat(JSON.readTree(refused.body()).path("detail").asText())
				.startsWith("config/rules/command.yaml, rule command-group");
			var outside = admin.upload("/api/config/versions/rules/import?reason=" + encode("越界"),
					zip(Map.of("../etc/passwd", "x")), "application/zip");
			assertThat(outside.statusCode()).isEqualTo(400);
			var notRules = admin.upload("/api/config/versions/rules/import?reason=" + encode("别的文件"),
					zip(Map.of("config/escalation.yaml", "policies: {}")), "application/zip");
			assertThat(notRules.statusCode()).isEqualTo(422);
			assertThat(admin
				.upload("/api/config/versions/rules/import?reason=x", "not a zip".getBytes(UTF_8), "application/zip")
				.statusCode()).isEqualTo(400);
			assertThat(JSON.readTree(admin.get("/api/config/versions/rules").body()).get(0).path("version").asInt())
				.isEqualTo(active + 1);
		}
		finally {
			admin.post("/api/config/versions/rules/rollback",
					JSON.writeValueAsString(Map.of("version", active, "reason", "测试后恢复")));
		}
	}

	private static Map<String, String> unzip(byte[] archive) throws IOException {
		Map<String, String> files = new TreeMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), UTF_8)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				files.put(entry.getName(), new String(zip.readAllBytes(), UTF_8));
			}
		}
		return files;
	}

	private static byte[] zip(Map<String, String> files) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, UTF_8)) {
			for (Map.Entry<String, String> file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, UTF_8);
	}

}
