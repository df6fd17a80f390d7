package io.jingling.wxmp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.wechat.sim.MpSimulator;
import io.jingling.support.Http;
import io.jingling.tip.Evidence;
import io.jingling.support.HubTest;
import io.jingling.support.MpCallbacks;
import io.jingling.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Official Account is a second tip inbox: same tip path, answers through its
 * customer-service API.
 */
@HubTest
class OfficialAccountTipTest {

	private static final String FOLLOWER = "oJinglingDemoFollower0001";

	@Autowired
	MpSimulator mp;

	@Autowired
	DingTalkSimulator dingTalk;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Evidence evidence;

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofMinutes(1));
		this.http = new Http(this.port);
		this.mp.clearJournal();
		this.dingTalk.clearJournal();
	}

	@Test
	void aFollowersMessageBecomesATipAnsweredThroughTheOfficialAccount(CapturedOutput output) {
		var message = this.mp.followerWrites(FOLLOWER, "河口桥头有人在兜售来路不明的电动车");
		for (int i = 0; i < 2; i++) {
			var response = MpCallbacks.post(this.http, message);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("success");
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> !this.mp.recorded(MpSimulator.KEFU_SEND).isEmpty());
		String tipCode = this.jdbc.queryForObject("SELECT t.code FROM tip t JOIN inbox_event i"
				+ " ON t.source_event_id = i.id WHERE i.platform = 'wxmp' AND t.kind = 'text'", String.class);
		assertThat(this.mp.recorded(MpSimulator.KEFU_SEND)).singleElement().satisfies((ack) -> {
			assertThat(ack.json().path("touser").asText()).isEqualTo(FOLLOWER);
			assertThat(ack.json().path("text").path("content").asText()).contains(tipCode);
		});
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.dingTalk.recorded(DingTalkSimulator.SEND_USERS)
				.stream()
				.anyMatch((forward) -> forward.body().contains(tipCode)));
		assertThat(this.dingTalk.recorded(DingTalkSimulator.SEND_USERS))
			.allSatisfy((forward) -> assertThat(forward.body()).doesNotContain(FOLLOWER));
		assertThat(output).doesNotContain(FOLLOWER, "兜售来路不明");
	}

	@Test
	void aFollowersPhotoIsDownloadedOnceAndKeptAsEvidence() {
		byte[] photo = "jingling-test-photo-bytes".getBytes(StandardCharsets.UTF_8);
		var message = this.mp.followerSendsImage("oJinglingDemoFollower0003", photo);
		for (int i = 0; i < 2; i++) {
			assertThat(MpCallbacks.post(this.http, message).statusCode()).isEqualTo(200);
		}

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM tip t JOIN inbox_event i"
							+ " ON t.source_event_id = i.id WHERE i.platform = 'wxmp' AND t.kind = 'image'",
					Integer.class) == 1);
		String reference = this.jdbc.queryForObject("SELECT t.media_ref FROM tip t JOIN inbox_event i"
				+ " ON t.source_event_id = i.id WHERE i.platform = 'wxmp' AND t.kind = 'image'", String.class);
		assertThat(reference).startsWith("sha256:");
		assertThat(this.evidence.read(reference)).isEqualTo(photo);
		assertThat(this.mp.recorded(MpSimulator.MEDIA_GET)).hasSize(1);
	}

	@Test
	void answersTheUrlCheckAndRefusesAForgedSignature() {
		var check = MpCallbacks.get(this.http, this.mp.urlCheck("jingling-echo-7"));
		assertThat(check.statusCode()).isEqualTo(200);
		assertThat(check.body()).isEqualTo("jingling-echo-7");

		var message = this.mp.followerWrites("oJinglingDemoFollower0002", "测试");
		Map<String, String> forged = new HashMap<>(message.query());
		forged.replaceAll((key, value) -> key.endsWith("signature") ? "0".repeat(40) : value);
		long before = this.jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE platform = 'wxmp'", Long.class);

		assertThat(MpCallbacks.post(this.http, new MpSimulator.Callback(forged, message.body())).statusCode())
			.isEqualTo(401);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE platform = 'wxmp'", Long.class))
			.isEqualTo(before);
	}

}
