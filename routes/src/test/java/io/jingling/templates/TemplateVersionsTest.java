package io.jingling.templates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.support.ConsoleSession;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.support.PostedOrders;
import io.jingling.support.FileLines;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message templates are a versioned config edited through the API: a broken edit is
 * refused with the line and the reason and changes nothing; a good one changes the next
 * order's text at once, without a restart; a roll-back brings the old text back.
 */
@HubTest
class TemplateVersionsTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void anEditChangesTheNextOrdersTextAndRollsBack() throws Exception {
		ConsoleSession admin = ConsoleSession.login(this.port, "demo-admin", "jingling-demo");
		String file = Files.readString(Path.of("../config/templates.yaml"));
		int before = JSON.readTree(admin.get("/api/config/versions/templates").body()).get(0).path("version").asInt();

		var refused = admin.post("/api/config/versions/templates", JSON
			.writeValueAsString(Map.of("content", file.replace("{{postedBy}}", "{{sender}}"), "reason", "试一下")));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(refused.body()).path("detail").asText())
			.startsWith("config/templates.yaml, line " + (FileLines.lineOf(file, "发令：{{postedBy}}")) + ": ")
			.contains("{{sender}}");
		assertThat(orderText("msgTemplateBefore==")).startsWith("#### 警令 JL-");

		var saved = admin.post("/api/config/versions/templates", JSON.writeValueAsString(
				Map.of("content", file.replace("#### 警令 {{code}}", "#### 【警令】{{code}}"), "reason", "标题加括号")));
		assertThat(saved.statusCode()).isEqualTo(200);
		try {
			assertThat(orderText("msgTemplateAfter==")).startsWith("#### 【警令】JL-").contains("发令：韩调度");
		}
		finally {
			var rolledBack = admin.post("/api/config/versions/templates/rollback",
					JSON.writeValueAsString(Map.of("version", before, "reason", "恢复原来的标题")));
			assertThat(rolledBack.statusCode()).isEqualTo(200);
		}
		assertThat(orderText("msgTemplateRolledBack==")).startsWith("#### 警令 JL-");
	}

	/** Posts an order and gives the text its recipients are queued. */
	private String orderText(String msgId) throws Exception {
		String code = PostedOrders.post(this.port, this.jdbc, this.clock, msgId, "警令 城关派出所 今晚 20:00 到岗");
		String payload = this.jdbc.queryForObject("SELECT payload FROM outbox WHERE action_key = ?", String.class,
				"order:" + code);
		JsonNode content = JSON.readTree(payload).findValue("markdown");
		assertThat(content).as("the queued order %s", payload).isNotNull();
		return content.asText();
	}

}
