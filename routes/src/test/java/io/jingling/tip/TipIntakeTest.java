package io.jingling.tip;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.jingling.connectors.wechat.sim.WeComSimulator.Callback;
import io.jingling.support.Http;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.support.RobotCallbackSamples;
import io.jingling.support.WeComCallbacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An informant's KF message becomes one tip, acknowledged to them and forwarded by
 * pseudonym.
 */
@HubTest
class TipIntakeTest {

	/** A demo informant of the transport circle (samples/demo/members.yaml). */
	private static final String INFORMANT = "wmJLDemoTransport0001";

	@Autowired
	DingTalkSimulator dingTalk;

	@Autowired
	WeComSimulator weCom;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofMinutes(1));
		this.http = new Http(this.port);
		this.dingTalk.clearJournal();
		this.weCom.clearJournal();
		this.jdbc.update("DELETE FROM group_quota_use");
	}

	@Test
	void aKfMessageDeliveredThreeTimesBecomesOneLinkedAcknowledgedForwardedTip(CapturedOutput output) {
		String code = openAssistRequest("msgTipRequest01==", "协查 交通 寻找白色面包车，车牌尾号 345");
		this.dingTalk.clearJournal();

		assertThat(WeComCallbacks.post(this.http, this.weCom.customerEntersSession(INFORMANT, "transport", code))
			.statusCode()).isEqualTo(200);
		Callback message = this.weCom.customerWritesText(INFORMANT, "城东加油站旁停着一辆白色面包车，车主电话13912345678");
		for (int i = 0; i < 3; i++) {
			var response = WeComCallbacks.post(this.http, message);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEmpty();
		}

		await().atMost(Duration.ofSeconds(10))
			.until(() -> !this.dingTalk.recorded(DingTalkSimulator.SEND_USERS).isEmpty()
					&& !this.weCom.recorded(WeComSimulator.KF_SEND_MSG).isEmpty());
		Map<String, Object> tip = this.jdbc
			.queryForMap("SELECT code, assist_code, linked_by, kind FROM tip" + " WHERE assist_code = ?", code);
		assertThat(tip).containsEntry("ASSIST_CODE", code)
			.containsEntry("LINKED_BY", "scene-param")
			.containsEntry("KIND", "text");
		String tipCode = (String) tip.get("CODE");
		assertThat(tipCode).matches("XS-20261130-\\d{4}");

		assertThat(this.weCom.recorded(WeComSimulator.KF_SEND_MSG)).singleElement().satisfies((ack) -> {
			assertThat(ack.json().path("touser").asText()).isEqualTo(INFORMANT);
			assertThat(ack.json().path("text").path("content").asText()).contains(tipCode);
		});
		assertThat(this.dingTalk.recorded(DingTalkSimulator.SEND_USERS)).singleElement().satisfies((forward) -> {
			assertThat(forward.json().path("userIds").get(0).asText()).isEqualTo("demo-dispatcher");
			String text = forward.json().path("msgParam").asText();
			assertThat(text).contains(tipCode, code, "交通运输圈-", "城东加油站", "139****5678")
				.doesNotContain(INFORMANT, "wmJL", "王师傅", "13912345678");
		});
		assertThat(output).doesNotContain(INFORMANT, "13912345678", "城东加油站旁停着");
	}

	@Test
	void aTipNamingTheRequestInItsTextIsLinkedByTheCode() {
		String code = openAssistRequest("msgTipRequest02==", "协查 回收 寻找被盗金项链");
		String shortCode = "XC-" + code.substring(code.length() - 3);

		WeComCallbacks.post(this.http,
				this.weCom.customerWritesText("wmJLDemoRecycling0025", shortCode + " 有人来店里卖金项链"));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForList("SELECT linked_by FROM tip WHERE assist_code = ?", String.class, code)
				.equals(List.of("code-in-text")));
	}

	private String openAssistRequest(String msgId, String text) {
		String callback = RobotCallbackSamples.message(msgId, "demo-dispatcher", text, this.clock);
		assertThat(this.http.post("/callbacks/dingtalk/robot", callback, RobotCallbackSamples.signed(this.clock))
			.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !this.jdbc
				.queryForList("SELECT a.code FROM assist_request a JOIN inbox_event i"
						+ " ON a.source_event_id = i.id WHERE i.platform_msg_id = ?", String.class, msgId)
				.isEmpty());
		return this.jdbc.queryForObject("SELECT a.code FROM assist_request a JOIN inbox_event i"
				+ " ON a.source_event_id = i.id WHERE i.platform_msg_id = ?", String.class, msgId);
	}

}
