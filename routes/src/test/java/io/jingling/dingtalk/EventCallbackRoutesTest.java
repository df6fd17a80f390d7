package io.jingling.dingtalk;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.jingling.connectors.dingtalk.sim.DingTalkEventSender;
import io.jingling.connectors.dingtalk.sim.DingTalkEventSender.Tamper;
import io.jingling.support.Http;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event subscription as DingTalk drives it: the URL check and a real event answered
 * with an encrypted {@code success}; a replay stored once; forged, wrongly owned, badly
 * padded or stale events refused with nothing stored.
 */
@HubTest
class EventCallbackRoutesTest {

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	DingTalkEventSender events;

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofMinutes(1));
		this.events = new DingTalkEventSender(
				URI.create("http://127.0.0.1:" + this.port + "/callbacks/dingtalk/events"), "JinglingDemoEvToken",
				"JinglingDemoEventAesKey0123456789abcdefghij", "dingjinglingdemo01", "dingcorpjinglingdemo",
				this.clock);
		this.events.setRetries(0);
	}

	@Test
	void answersTheUrlCheckWithAnEncryptedSuccessAndStoresNothing() {
		int before = stored();
		assertThat(this.events.checkUrl().accepted()).isTrue();
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void storesAnEventOnceHoweverOftenItIsDelivered() {
		int before = stored();
		var sent = this.events.send("chat_update_title", Map.of("ChatId", "chat-demo", "Title", "指挥中心"));
		assertThat(sent.accepted()).isTrue();
		assertThat(this.events.resend(sent.eventId()).accepted()).isTrue();
		assertThat(this.events.resend(sent.eventId()).accepted()).isTrue();
		assertThat(stored()).isEqualTo(before + 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "DONE".equals(this.jdbc.queryForObject(
					"SELECT status FROM inbox_event WHERE platform = 'dingtalk' AND platform_msg_id = ?", String.class,
					"event:" + sent.eventId())));
	}

	@ParameterizedTest
	@EnumSource(Tamper.class)
	void refusesATamperedOrStaleEventAndStoresNothing(Tamper tamper) {
		int before = stored();
		var sent = this.events.sendWith(tamper, "check_in",
				Map.of("staffId", "officer01", "timeStamp", this.clock.millis()));
		assertThat(sent.accepted()).isFalse();
		assertThat(sent.lastStatus()).isBetween(400, 499);
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void refusesABodyThatIsNotAnEnvelope() {
		var response = new Http(this.port).post("/callbacks/dingtalk/events?msg_signature=x&timestamp=1&nonce=n",
				"{\"hello\":1}", Map.of());
		assertThat(response.statusCode()).isEqualTo(400);
	}

	private int stored() {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM inbox_event WHERE platform = 'dingtalk'" + " AND platform_msg_id LIKE 'event:%'",
				Integer.class);
	}

}
