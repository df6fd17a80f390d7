package io.jingling.reads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.ReadingProfile;
import io.jingling.schedule.DueWork;
import io.jingling.support.ConsoleSession;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.support.PostedOrders;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A candidate version of the escalation policies replayed on a recorded order: an urgent
 * order to 城关派出所 that 张伟 read within a minute. Making the first step an SMS instead of a
 * DING shows, for the three still unread, the DINGs removed and the SMS added, with the
 * totals; nothing is saved, queued or sent.
 */
@HubTest
class EscalationDryRunTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	DingTalkSimulator dingTalk;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	DueWork dueWork;

	@Test
	void showsWhomACandidateRemindsDifferentlyOnRecordedOrdersAndSendsNothing() throws Exception {
		this.dingTalk.setReadingProfile(ReadingProfile.never());
		String msgId = "msgEscalationDryRun" + this.clock.millis() + "==";
		String code = PostedOrders.post(this.port, this.jdbc, this.clock, msgId, "警令 紧急 城关派出所 立即到城东卡点");
		this.dingTalk.markRead(this.jdbc.queryForObject("SELECT platform_ref FROM tracked_message WHERE order_code = ?",
				String.class, code), "officer01");
		this.clock.advance(Duration.ofMinutes(1));
		this.dueWork.runDue();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM tracked_recipient r JOIN tracked_message m"
						+ " ON m.id = r.tracked_id WHERE m.order_code = ? AND r.read_at IS NOT NULL",
				Integer.class, code))
			.isEqualTo(1);

		ConsoleSession admin = ConsoleSession.login(this.port, "demo-admin", "jingling-demo");
		String file = Files.readString(Path.of("../config/escalation.yaml"));
		String smsFirst = file.replace("{ after: 3m, action: ding }", "{ after: 3m, action: sms }");
		int outbox = this.jdbc.queryForObject("SELECT COUNT(*) FROM outbox", Integer.class);
		int dings = this.dingTalk.recorded(DingTalkSimulator.DING).size();

		var answer = admin.post("/api/config/versions/escalation/dry-run",
				JSON.writeValueAsString(Map.of("content", smsFirst, "days", 1)));
		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode report = JSON.readTree(answer.body());
		JsonNode order = null;
		for (JsonNode outcome : report.path("outcomes")) {
			if (outcome.path("code").asText().equals(code)) {
				order = outcome;
			}
		}
		assertThat(order).as("the order %s in %s", code, report).isNotNull();
		assertThat(order.path("policy").asText()).isEqualTo("urgent");
		assertThat(order.path("recipients").asInt()).isEqualTo(4);
		assertThat(order.path("readers").asInt()).isEqualTo(1);
		assertThat(order.path("current").get(0).asText()).isEqualTo("第1步（发出后 3 分钟）DING：王芳、李强、刘洋（3 人未读）");
		assertThat(order.path("candidate").get(0).asText()).isEqualTo("第1步（发出后 3 分钟）短信：王芳、李强、刘洋（3 人未读）");
		assertThat(order.path("removed").toString()).isEqualTo("[\"DING：王芳\",\"DING：李强\",\"DING：刘洋\"]");
		assertThat(order.path("added")).isEmpty();
		assertThat(order.path("current").toString()).doesNotContain("张伟");
		JsonNode current = report.path("current");
		JsonNode candidate = report.path("candidate");
		assertThat(candidate.path("smsAtMost").asInt()).isGreaterThanOrEqualTo(current.path("smsAtMost").asInt() + 3);
		assertThat(candidate.path("dings").asInt()).isLessThanOrEqualTo(current.path("dings").asInt() - 3);
		assertThat(candidate.path("smsCost").decimalValue()).isGreaterThan(current.path("smsCost").decimalValue());

		var broken = admin.post("/api/config/versions/escalation/dry-run", JSON.writeValueAsString(
				Map.of("content", file.replace("{ after: 3m, action: ding }", "{ after: 3m, action: dingg }"))));
		assertThat(broken.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(broken.body()).path("detail").asText()).contains("unknown action 'dingg'");

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM outbox", Integer.class)).isEqualTo(outbox);
		assertThat(this.dingTalk.recorded(DingTalkSimulator.DING)).hasSize(dings);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM escalation_action WHERE order_code = ?",
				Integer.class, code))
			.isZero();
	}

}
