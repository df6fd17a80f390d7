package io.jingling.order;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.Recorded;
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
 * Dispatchers talk to the bot in the command group; orders and assist requests come out.
 */
@HubTest
class OrderFlowTest {

	private static final String ROBOT = "/callbacks/dingtalk/robot";

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	DingTalkSimulator sim;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port);
		clock.advance(Duration.ofMinutes(1)); // a fresh pacing minute per test
		sim.clearJournal();
	}

	@Test
	void orderToAGroupGoesAsOneGroupMessageAndIsConfirmedWithItsCode() throws Exception {
		post("msgOrderGroup01==", "demo-dispatcher", "警令 城东派出所 14:00 前到城东卡点集合");

		Recorded send = awaitOne(DingTalkSimulator.SEND_GROUP);
		String code = jdbc
			.queryForObject("SELECT code FROM dispatch_order o JOIN inbox_event i ON o.source_event_id = i.id"
					+ " WHERE i.platform_msg_id = ?", String.class, "msgOrderGroup01==");
		assertThat(code).matches("JL-20261130-\\d{3}");
		assertThat(send.headers()).containsKey("x-acs-dingtalk-access-token");
		assertThat(send.json().path("robotCode").asText()).isEqualTo("dingjinglingdemo01");
		assertThat(send.json().path("openConversationId").asText()).isEqualTo("cidJinglingDemoChengdong==");
		assertThat(send.json().path("msgKey").asText()).isEqualTo("sampleMarkdown");
		JsonNode param = JSON.readTree(send.json().path("msgParam").asText());
		assertThat(param.path("title").asText()).isEqualTo("警令 " + code);
		assertThat(param.path("text").asText()).contains(code, "14:00 前到城东卡点集合", "韩调度");
		assertThat(awaitOne(DingTalkSimulator.SESSION_REPLY).json().path("markdown").path("text").asText())
			.contains(code, "城东派出所");
	}

	@Test
	void orderToNamedOfficersGoesAsOneWorkNotificationToThem() {
		post("msgOrderNamed01==", "demo-dispatcher", "警令 张伟、王芳 今晚到城关派出所开会");

		Recorded send = awaitOne(DingTalkSimulator.WORK_NOTICE_SEND);
		assertThat(send.json().path("agent_id").asLong()).isEqualTo(DingTalkSimulator.DEFAULT_AGENT_ID);
		assertThat(send.json().path("userid_list").asText().split(",")).containsExactlyInAnyOrder("officer01",
				"officer02");
		assertThat(send.json().path("msg").path("msgtype").asText()).isEqualTo("markdown");
		assertThat(send.json().path("msg").path("markdown").path("text").asText()).contains("今晚到城关派出所开会");
		awaitOne(DingTalkSimulator.SESSION_REPLY);
		assertThat(sim.recorded(DingTalkSimulator.SEND_USERS)).isEmpty();
	}

	@Test
	void assistRequestIsRegisteredWithItsCirclesAndConfirmed() {
		post("msgAssist01==", "demo-dispatcher", "协查 transport,rental 寻找灰色面包车，车牌尾号 37");

		await().atMost(Duration.ofSeconds(10)).until(() -> sim.recorded(DingTalkSimulator.SESSION_REPLY).size() == 2);
		Recorded reply = sim.recorded(DingTalkSimulator.SESSION_REPLY)
			.stream()
			.filter((answer) -> answer.body().contains("已登记协查"))
			.findFirst()
			.orElseThrow();
		var row = jdbc.queryForMap(
				"SELECT a.code, a.circles, a.case_officer, a.status, a.content FROM assist_request a"
						+ " JOIN inbox_event i ON a.source_event_id = i.id WHERE i.platform_msg_id = ?",
				"msgAssist01==");
		assertThat(row.get("CODE").toString()).matches("XC-20261130-\\d{3}");
		assertThat(row).containsEntry("CIRCLES", "transport,rental")
			.containsEntry("CASE_OFFICER", "demo-dispatcher")
			.containsEntry("STATUS", "BROADCAST");
		assertThat(reply.json().path("markdown").path("text").asText()).contains(row.get("CODE").toString(), "交通运输圈",
				"房屋出租圈");
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).isEmpty();
	}

	@Test
	void officersWhoAreNotDispatchersArePolitelyRefused() {
		long ordersBefore = jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_order", Long.class);

		post("msgNotDispatcher01==", "officer04", "警令 全体 立即到岗");

		assertThat(awaitOne(DingTalkSimulator.SESSION_REPLY).json().path("markdown").path("text").asText())
			.contains("只有指挥中心调度员");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_order", Long.class)).isEqualTo(ordersBefore);
		assertThat(sim.recorded(DingTalkSimulator.WORK_NOTICE_SEND)).isEmpty();
	}

	@Test
	void statusOfAnOrderTellsHowManyReceivedIt() {
		post("msgOrderForStatus01==", "demo-dispatcher", "警令 河口派出所 加强夜间巡逻");
		awaitOne(DingTalkSimulator.SEND_GROUP);
		String code = jdbc
			.queryForObject("SELECT code FROM dispatch_order o JOIN inbox_event i ON o.source_event_id = i.id"
					+ " WHERE i.platform_msg_id = ?", String.class, "msgOrderForStatus01==");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE action_key = ? AND status = 'SENT'",
					Integer.class, "order:" + code) == 1);
		sim.clearJournal();

		post("msgStatus01==", "demo-dispatcher", "状态 " + code);

		assertThat(awaitOne(DingTalkSimulator.SESSION_REPLY).json().path("markdown").path("text").asText())
			.contains(code, "河口派出所", "已送达 1/1");
	}

	private void post(String msgId, String sender, String text) {
		String callback = RobotCallbackSamples.message(msgId, sender, text, clock);
		assertThat(http.post(ROBOT, callback, RobotCallbackSamples.signed(clock)).statusCode()).isEqualTo(200);
	}

	private Recorded awaitOne(String path) {
		await().atMost(Duration.ofSeconds(10)).until(() -> !sim.recorded(path).isEmpty());
		List<Recorded> recorded = sim.recorded(path);
		assertThat(recorded).hasSize(1);
		return recorded.get(0);
	}

}
