package io.jingling.inbound;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.Recorded;
import io.jingling.connectors.dingtalk.sim.RobotCallbacks;
import io.jingling.support.Http;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.support.RobotCallbackSamples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@HubTest
class DingTalkCallbackRoutesTest {

	private static final String ROBOT = "/callbacks/dingtalk/robot";

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
	void answersHelpInTheGroupThroughTheSessionWebhook() throws Exception {
		String callback = RobotCallbackSamples.message("msgHelp01==", "demo-dispatcher", "帮助", clock);

		var response = http.post(ROBOT, callback, RobotCallbackSamples.signed(clock));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{}");
		List<Recorded> replies = awaitRecorded(DingTalkSimulator.SESSION_REPLY, 1);
		assertThat(replies).singleElement().satisfies((reply) -> {
			assertThat(reply.method()).isEqualTo("POST");
			assertThat(reply.query()).isEqualTo("session=s-msgHelp01==");
			assertThat(reply.json()).isEqualTo(new ObjectMapper()
				.readTree(Files.readString(RobotCallbackSamples.SAMPLES.resolve("help-reply.request.json"))));
		});
	}

	@Test
	void storesAndAnswersACallbackPostedThreeTimesOnce() {
		String callback = RobotCallbackSamples.message("msgRetry01==", "demo-dispatcher", "帮助", clock);

		for (int i = 0; i < 3; i++) {
			assertThat(http.post(ROBOT, callback, RobotCallbackSamples.signed(clock)).statusCode()).isEqualTo(200);
		}

		assertThat(inboxRows("msgRetry01==")).isEqualTo(1);
		awaitRecorded(DingTalkSimulator.SESSION_REPLY, 1);
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM outbox o JOIN inbox_event i"
						+ " ON o.action_key LIKE CONCAT('ev', i.id, '-%') WHERE i.platform_msg_id = ?",
				Integer.class, "msgRetry01=="))
			.isEqualTo(1);
		assertThat(sim.recorded(DingTalkSimulator.SESSION_REPLY)).hasSize(1);
	}

	@Test
	void refusesForgedStaleMalformedAndOversizedCallbacksWithoutStoringAnything(CapturedOutput output) {
		long outboxBefore = outboxRows();
		String good = RobotCallbackSamples.message("msgRefused01==", "demo-dispatcher", "帮助", clock);

		Map<String, String> forged = new HashMap<>(RobotCallbackSamples.signed(clock));
		forged.put("sign", "KvZG9tC+MppvewcUhDipsVha3yIAytDhKaGzt23UYr0=");
		assertThat(http.post(ROBOT, good, forged).statusCode()).isEqualTo(401);
		assertThat(http.post(ROBOT, good, Map.of()).statusCode()).isEqualTo(401);

		var stale = RobotCallbacks.signedHeaders(RobotCallbackSamples.DEMO_APP_SECRET,
				clock.millis() - Duration.ofMinutes(61).toMillis());
		assertThat(http.post(ROBOT, good, stale).statusCode()).isEqualTo(401);

		assertThat(
				http.post(ROBOT, "{\"msgId\": \"msgRefused01==\", ", RobotCallbackSamples.signed(clock)).statusCode())
			.isEqualTo(400);
		assertThat(http.post(ROBOT, "[1, 2]", RobotCallbackSamples.signed(clock)).statusCode()).isEqualTo(400);

		String oversized = good.replace("帮助\"", "很长".repeat(20_000) + "帮助\"");
		assertThat(http.post(ROBOT, oversized, RobotCallbackSamples.signed(clock)).statusCode()).isEqualTo(413);

		assertThat(inboxRows("msgRefused01==")).isZero();
		assertThat(outboxRows()).isEqualTo(outboxBefore);
		assertThat(sim.recorded(DingTalkSimulator.SESSION_REPLY)).isEmpty();
		assertThat(output).contains("callback.refused bad-signature", "callback.refused missing-signature",
				"callback.refused stale-timestamp", "callback.refused malformed-json",
				"callback.refused body-too-large");
	}

	@Test
	void logsNeitherMessageTextNorSessionWebhook(CapturedOutput output) {
		String callback = RobotCallbackSamples.message("msgPrivacy01==", "demo-dispatcher",
				"警令 城东派出所 联系13812345678核实车辆", clock);

		assertThat(http.post(ROBOT, callback, RobotCallbackSamples.signed(clock)).statusCode()).isEqualTo(200);
		awaitRecorded(DingTalkSimulator.SEND_GROUP, 1);

		assertThat(output).doesNotContain("13812345678", "联系", "s-msgPrivacy01==", "sendBySession?session")
			.doesNotContain("jingling-demo-app-secret");
	}

	private List<Recorded> awaitRecorded(String path, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> sim.recorded(path).size() >= count);
		return sim.recorded(path);
	}

	private int inboxRows(String msgId) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE platform_msg_id = ?", Integer.class, msgId);
	}

	private long outboxRows() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM outbox", Long.class);
	}

}
