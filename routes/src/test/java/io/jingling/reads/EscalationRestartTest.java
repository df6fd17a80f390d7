package io.jingling.reads;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import io.jingling.JinglingApplication;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.sms.sim.AliyunSmsSimulator;
import io.jingling.schedule.DueWork;
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
 * Stops the hub between two escalation steps of an urgent order, keeps it down past the
 * next step's time, and starts it again on the same database: the step that fell due
 * during the downtime runs once, on start (Quartz fires the tick by itself), and the step
 * after it waits for its own time. The simulators run outside the hub, so their journals
 * span both runs.
 */
class EscalationRestartTest {

	private static final List<String> OFFICERS = List.of("officer01", "officer02");

	@TempDir
	Path data;

	MutableClock clock = new MutableClock(HubTestConfiguration.START, ZoneId.of("Asia/Shanghai"));

	DingTalkSimulator dingTalk;

	AliyunSmsSimulator sms;

	@BeforeEach
	void startSimulators() {
		this.dingTalk = DingTalkSimulator.start("dingjinglingdemo01", RobotCallbackSamples.DEMO_APP_SECRET,
				"dingjinglingdemo01", this.clock);
		// the Aliyun SDK signs with the system clock's date
		this.sms = AliyunSmsSimulator.start("LTAI5tJinglingDemoKey", "JinglingDemoSmsSecret000000000000",
				Clock.systemUTC());
		this.sms.approveSignName("清河县公安局");
		this.sms.approveTemplate("SMS_490000001", List.of("code"));
	}

	@AfterEach
	void stopSimulators() {
		this.dingTalk.close();
		this.sms.close();
	}

	@Test
	void runsTheStepDueDuringDowntimeOnceOnStartAndTheNextAtItsTime() {
		String code;
		try (ConfigurableApplicationContext hub = start()) {
			String callback = RobotCallbackSamples.message("msgRestartUrgent==", "demo-dispatcher", "警令 紧急 张伟、王芳 立即到岗",
					this.clock);
			assertThat(new Http(port(hub))
				.post("/callbacks/dingtalk/robot", callback, RobotCallbackSamples.signed(this.clock))
				.statusCode()).isEqualTo(200);
			JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
			await().atMost(Duration.ofSeconds(15))
				.until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM tracked_message", Integer.class) == 1);
			code = jdbc.queryForObject("SELECT order_code FROM tracked_message", String.class);

			this.clock.advance(Duration.ofMinutes(3));
			hub.getBean(DueWork.class).runDue();
			await().atMost(Duration.ofSeconds(15))
				.until(() -> this.dingTalk.recorded(DingTalkSimulator.DING).size() == 1);
		}
		assertThat(this.dingTalk.recorded(DingTalkSimulator.DING).get(0).json().path("remindType").asInt())
			.isEqualTo(1);

		this.clock.advance(Duration.ofMinutes(9));
		try (ConfigurableApplicationContext hub = start()) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> this.dingTalk.recorded(DingTalkSimulator.DING).size() == 2);
			hub.getBean(DueWork.class).runDue();
			JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM escalation_action WHERE order_code = ?"
						+ " AND step = 2 AND outcome = 'SENT'", Integer.class, code) == 2);
			assertThat(this.dingTalk.recorded(DingTalkSimulator.DING)).hasSize(2);
			assertThat(this.dingTalk.recorded(DingTalkSimulator.DING).get(1).json().path("remindType").asInt())
				.isEqualTo(2);
			assertThat(this.sms.recorded(AliyunSmsSimulator.SEND_SMS)).isEmpty();
			assertThat(this.sms.accepted()).isEmpty();

			this.clock.advance(Duration.ofMinutes(8));
			hub.getBean(DueWork.class).runDue();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.sms.recorded(AliyunSmsSimulator.SEND_SMS).size() == 1);
			assertThat(jdbc.queryForList("SELECT step, COUNT(*) AS n FROM escalation_action WHERE order_code = ?"
					+ " GROUP BY step ORDER BY step", code))
				.extracting((row) -> ((Number) row.get("N")).intValue())
				.containsExactly(2, 2, 2);
			assertThat(jdbc.queryForList("SELECT DISTINCT user_id FROM escalation_action WHERE order_code = ?",
					String.class, code))
				.containsExactlyInAnyOrderElementsOf(OFFICERS);
		}
		assertThat(this.dingTalk.recorded(DingTalkSimulator.DING)).hasSize(2);
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(JinglingApplication.class)
			.initializers((context) -> ((GenericApplicationContext) context).registerBean("testClock",
					MutableClock.class, () -> this.clock, (definition) -> definition.setPrimary(true)))
			.run("--server.port=0", "--jingling.home=..", "--jingling.sandbox.enabled=false",
					"--jingling.dingtalk.api-url=" + this.dingTalk.baseUrl(),
					"--jingling.dingtalk.oapi-url=" + this.dingTalk.baseUrl(),
					"--jingling.sms.endpoint=" + this.sms.baseUrl(),
					"--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("hub").toAbsolutePath(),
					"--jingling.outbox.poll-period=100", "--jingling.schedule.tick-period=1s");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
