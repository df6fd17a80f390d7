package io.jingling.alerts;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.RobotCallbacks;
import io.jingling.connectors.wechat.client.WeComClient;
import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.jingling.outbox.DeliveryListener;
import io.jingling.support.Http;
import io.jingling.support.HubTest;
import io.jingling.support.HubTestConfiguration;
import io.jingling.support.MutableClock;
import io.jingling.support.RobotCallbackSamples;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Operational alerts reach the admin group once an hour per signal and subject, are
 * counted for Prometheus and turn the health indicator to DEGRADED: a callback endpoint
 * refusing most requests, dead letters piling up, an SMS account that cannot send, a
 * platform refusing to issue its access token.
 */
@HubTest
class OpsAlertsTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	DingTalkSimulator dingTalk;

	@Autowired
	List<DeliveryListener> listeners;

	@Autowired
	WeComSimulator weCom;

	@Autowired
	WeComClient weComClient;

	@Autowired
	ApplicationContext context;

	@Test
	void anEndpointRefusingMostCallbacksIsToldToTheAdminsCountedAndShownInHealth() {
		this.clock.advance(CallbackWatch.WINDOW.plusMinutes(1));
		Http http = new Http(this.port);
		for (int i = 0; i < CallbackWatch.MIN_REQUESTS; i++) {
			String callback = RobotCallbackSamples.message("msgForged" + i + "==", "demo-dispatcher", "帮助", this.clock);
			assertThat(http
				.post("/callbacks/dingtalk/robot", callback,
						RobotCallbacks.signedHeaders("not-the-app-secret", this.clock.millis()))
				.statusCode()).isEqualTo(401);
		}
		// the answer is counted when the response completes, which may be just after the
		// client has it
		await().atMost(Duration.ofSeconds(5))
			.until(() -> !alerts("CALLBACK_REFUSALS:/callbacks/dingtalk/robot").isEmpty());
		assertThat(alerts("CALLBACK_REFUSALS:/callbacks/dingtalk/robot")).singleElement()
			.satisfies((payload) -> assertThat(payload).contains("回调大量被拒", "拒绝了 20 次"));

		String metrics = http.get("/actuator/prometheus").body();
		assertThat(metrics).contains(
				"jingling_callbacks_total{endpoint=\"/callbacks/dingtalk/robot\",outcome=\"refused\"}",
				"jingling_alerts_total{signal=\"callback_refusals\"}");
		var health = http.get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"DEGRADED\"");
	}

	@Test
	void deadLettersPilingUpAreToldOnce() {
		this.clock.advance(Duration.ofMinutes(1));
		this.dingTalk.failNext(DingTalkSimulator.SESSION_REPLY, DingTalkSimulator.Failure.BAD_REQUEST, 10);
		Http http = new Http(this.port);
		for (int i = 0; i < 10; i++) {
			String callback = RobotCallbackSamples.message("msgDeadPile" + i + "==", "demo-dispatcher", "帮助",
					this.clock);
			assertThat(http.post("/callbacks/dingtalk/robot", callback, RobotCallbackSamples.signed(this.clock))
				.statusCode()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter d JOIN outbox o"
					+ " ON o.id = d.outbox_id WHERE o.payload LIKE '%msgDeadPile%'", Integer.class) == 10);
		await().atMost(Duration.ofSeconds(5)).until(() -> !alerts("DEAD_LETTERS:hour").isEmpty());
		assertThat(alerts("DEAD_LETTERS:hour")).singleElement()
			.satisfies((payload) -> assertThat(payload).contains("死信堆积", "请到控制台「死信」查看"));
		assertThat(http.get("/actuator/prometheus").body()).contains("jingling_dead_letters_open");
	}

	@Test
	void anSmsAccountThatCannotSendIsToldToTheAdmins() {
		var row = new DeliveryListener.DeliveredRow(-1, "esc:JL-20261130-999:3", "sms:ref", "SMS", "officer01", null,
				null);
		this.listeners.forEach((listener) -> listener.dead(row, "isv.AMOUNT_NOT_ENOUGH", this.clock.instant()));
		this.listeners.forEach((listener) -> listener.dead(row, "isv.AMOUNT_NOT_ENOUGH", this.clock.instant()));
		assertThat(alerts("SMS_ACCOUNT:isv.AMOUNT_NOT_ENOUGH")).singleElement()
			.satisfies((payload) -> assertThat(payload).contains("短信发不出去", "余额不足"));
	}

	@Test
	void aPlatformRefusingItsTokenIsToldToTheAdminsOnceAndTheCallFails() {
		this.weCom.expireTokens();
		this.weCom.failNext(WeComSimulator.GET_TOKEN, 40001, 2);

		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> this.weComClient.remind("msgTokenRefused"))
				.isInstanceOfSatisfying(ConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("40001"));
		}

		assertThat(alerts("TOKEN:wecom:40001")).singleElement()
			.satisfies((payload) -> assertThat(payload).contains("平台令牌获取失败", "企业微信拒绝发放 access_token（错误码 40001）",
					"jingling.wecom.secret"));
		// at most the first call went out, with the token WeCom had ended; none went with
		// a new one
		assertThat(this.weCom.recorded(WeComSimulator.REMIND))
			.filteredOn((call) -> call.body().contains("msgTokenRefused"))
			.hasSizeLessThanOrEqualTo(1);
		assertThat(new Http(this.port).get("/actuator/prometheus").body())
			.contains("jingling_alerts_total{signal=\"token\"}");
	}

	@Test
	void healthIsOutOfServiceWhileTheHubRefusesTraffic() {
		Http http = new Http(this.port);
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		try {
			var refusing = http.get("/actuator/health");
			assertThat(refusing.statusCode()).isEqualTo(503);
			assertThat(refusing.body()).contains("\"status\":\"OUT_OF_SERVICE\"");
		}
		finally {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
	}

	/**
	 * The alerts of this hour by the hub's clock: other tests may have raised some
	 * before.
	 */
	private List<String> alerts(String signalAndSubject) {
		String hour = DateTimeFormatter.ofPattern("yyyyMMddHH").format(this.clock.instant().atZone(SHANGHAI));
		return this.jdbc.queryForList("SELECT payload FROM outbox WHERE action_key = ? AND recipient = ?", String.class,
				"alert:" + signalAndSubject + ":" + hour, HubTestConfiguration.ALERTS_GROUP);
	}

}
