package io.jingling.support;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;

import io.jingling.JinglingApplication;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub on a real PostgreSQL, as in production: an order, an assist request broadcast
 * to a circle and an informant's tip go through every table, so PostgreSQL's stricter
 * ways (a failed statement spoils its transaction, typed results) are exercised, not only
 * H2's.
 */
class PostgresHubTest {

	@Test
	void runsAnOrderAnAssistRequestAndATipOnPostgres() throws IOException {
		MutableClock clock = new MutableClock(HubTestConfiguration.START, ZoneId.of("Asia/Shanghai"));
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
				ConfigurableApplicationContext hub = new SpringApplicationBuilder(JinglingApplication.class)
					.initializers((context) -> ((GenericApplicationContext) context).registerBean("testClock",
							MutableClock.class, () -> clock, (definition) -> definition.setPrimary(true)))
					.run("--server.port=0", "--jingling.home=..", "--jingling.sandbox.scenario=false",
							"--jingling.tips.evidence-dir=routes/target/test-evidence",
							"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
							"--spring.datasource.username=postgres", "--spring.datasource.password=")) {
			Http http = new Http(((WebServerApplicationContext) hub).getWebServer().getPort());
			DingTalkSimulator dingTalk = hub.getBean(DingTalkSimulator.class);
			WeComSimulator weCom = hub.getBean(WeComSimulator.class);
			JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);

			post(http, clock, "msgPgOrder01==", "警令 城东派出所 今晚加强巡逻");
			post(http, clock, "msgPgAssist01==", "协查 交通 寻找灰色面包车");
			await().atMost(Duration.ofSeconds(20))
				.until(() -> !dingTalk.recorded(DingTalkSimulator.SEND_GROUP).isEmpty()
						&& weCom.recorded(WeComSimulator.ADD_MSG_TEMPLATE).size() == 2);
			String code = jdbc.queryForObject("SELECT code FROM assist_request", String.class);

			WeComCallbacks.post(http, weCom.customerEntersSession("wmJLDemoTransport0002", "transport", code));
			WeComCallbacks.post(http, weCom.customerWritesText("wmJLDemoTransport0002", "看到了，在城东加油站"));
			await().atMost(Duration.ofSeconds(20)).until(() -> !weCom.recorded(WeComSimulator.KF_SEND_MSG).isEmpty());

			assertThat(jdbc.queryForObject("SELECT linked_by FROM tip WHERE assist_code = ?", String.class, code))
				.isEqualTo("scene-param");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE status = 'DEAD'", Integer.class))
				.isZero();
			// an entry PostgreSQL aborted on a lock conflict is taken up again by inbox
			// recovery
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE status <> 'DONE'",
						Integer.class) == 0);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE status = 'FAILED'", Integer.class))
				.isZero();
		}
	}

	private static void post(Http http, MutableClock clock, String msgId, String text) {
		String callback = RobotCallbackSamples.message(msgId, "demo-dispatcher", text, clock);
		assertThat(http.post("/callbacks/dingtalk/robot", callback, RobotCallbackSamples.signed(clock)).statusCode())
			.isEqualTo(200);
	}

}
