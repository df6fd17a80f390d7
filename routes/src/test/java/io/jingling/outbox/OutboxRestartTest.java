package io.jingling.outbox;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.jingling.JinglingApplication;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.Recorded;
import io.jingling.support.Http;
import io.jingling.support.HubTestConfiguration;
import io.jingling.support.MutableClock;
import io.jingling.support.RobotCallbackSamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stops the hub while three orders to three groups are half delivered, starts it again on
 * the same database, and checks that every group got its order exactly once. The
 * simulator runs outside the hub (sandbox off, URL keys set), so its journal spans both
 * runs.
 */
class OutboxRestartTest {

	@TempDir
	Path data;

	MutableClock clock = new MutableClock(HubTestConfiguration.START, ZoneId.of("Asia/Shanghai"));

	DingTalkSimulator sim;

	@BeforeEach
	void startSimulator() {
		sim = DingTalkSimulator.start("dingjinglingdemo01", RobotCallbackSamples.DEMO_APP_SECRET, "dingjinglingdemo01",
				clock);
	}

	@AfterEach
	void stopSimulator() {
		sim.close();
	}

	@Test
	void deliversEachMessageExactlyOnceAcrossARestart() {
		// first run: the robot may send 2 messages a minute, so 2 of the 6 messages
		// (three
		// orders to three groups and their confirmations) go out and 4 wait for the next
		// minute when the hub stops
		try (ConfigurableApplicationContext hub = start(2)) {
			Http http = new Http(port(hub));
			for (String group : List.of("城关派出所", "城东派出所", "河口派出所")) {
				String callback = RobotCallbackSamples.message("msgRestart" + group + "==", "demo-dispatcher",
						"警令 " + group + " 今晚 20:00 全员到岗", clock);
				assertThat(http.post("/callbacks/dingtalk/robot", callback, RobotCallbackSamples.signed(clock))
					.statusCode()).isEqualTo(200);
			}
			JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
			await().atMost(Duration.ofSeconds(15))
				.until(() -> statuses(jdbc).getOrDefault("SENT", 0) == 2 && statuses(jdbc).getOrDefault("NEW", 0) == 4);
			assertThat(statuses(jdbc)).doesNotContainKey("SENDING");
		}
		assertThat(sent()).hasSize(2);

		clock.advance(Duration.ofMinutes(2));
		try (ConfigurableApplicationContext hub = start(20)) {
			JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
			await().atMost(Duration.ofSeconds(15)).until(() -> statuses(jdbc).getOrDefault("SENT", 0) == 6);
			assertThat(statuses(jdbc)).containsOnlyKeys("SENT");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE resent", Integer.class)).isZero();
		}
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP))
			.extracting((call) -> call.json().path("openConversationId").asText())
			.containsExactlyInAnyOrder("cidJinglingDemoChengguan==", "cidJinglingDemoChengdong==",
					"cidJinglingDemoHekou==");
		assertThat(sim.recorded(DingTalkSimulator.SESSION_REPLY)).hasSize(3);
	}

	private ConfigurableApplicationContext start(int messagesPerMinute) {
		return new SpringApplicationBuilder(JinglingApplication.class)
			.initializers((context) -> ((GenericApplicationContext) context).registerBean("testClock",
					MutableClock.class, () -> clock, (definition) -> definition.setPrimary(true)))
			.run("--server.port=0", "--jingling.home=..", "--jingling.sandbox.enabled=false",
					"--jingling.dingtalk.api-url=" + sim.baseUrl(), "--jingling.dingtalk.oapi-url=" + sim.baseUrl(),
					"--jingling.dingtalk.messages-per-minute=" + messagesPerMinute,
					"--spring.datasource.url=jdbc:h2:file:" + data.resolve("hub").toAbsolutePath(),
					"--jingling.outbox.poll-period=100");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static Map<String, Integer> statuses(JdbcTemplate jdbc) {
		Map<String, Integer> counts = new TreeMap<>();
		jdbc.queryForList("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")
			.forEach((row) -> counts.put((String) row.get("STATUS"), ((Number) row.get("N")).intValue()));
		return counts;
	}

	private List<Recorded> sent() {
		List<Recorded> calls = new ArrayList<>(sim.recorded(DingTalkSimulator.SEND_GROUP));
		calls.addAll(sim.recorded(DingTalkSimulator.SESSION_REPLY));
		return calls;
	}

}
