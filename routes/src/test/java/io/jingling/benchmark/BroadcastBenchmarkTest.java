package io.jingling.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.jingling.JinglingApplication;
import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.jingling.support.Http;
import io.jingling.support.RobotCallbackSamples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How long the hub takes from a dispatcher's {@code 协查 全部} to every WeCom task created,
 * for a county-sized bureau: 40 customer groups, 3,600 informants, 12 liaison officers.
 * Not part of the default suite; run with
 * {@code ./mvnw -B -pl routes -am test -Dgroups=benchmark -Dbenchmark.excluded= -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class BroadcastBenchmarkTest {

	private static final int[] GROUPS_PER_CIRCLE = { 8, 8, 6, 6, 6, 6 };

	private static final String[] CIRCLES = { "transport", "hospitality", "recycling", "rental", "merchants",
			"village" };

	private static final int MEMBERS_PER_GROUP = 90;

	private static final int RUNS = 3;

	@TempDir
	Path home;

	@Test
	void plansAndSubmitsABroadcastToFortyGroups() throws IOException {
		county();
		long started = System.nanoTime();
		try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(JinglingApplication.class).run(
				"--server.port=0", "--jingling.home=" + this.home, "--jingling.sandbox.scenario=false",
				"--spring.datasource.url=jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1")) {
			long startup = System.nanoTime() - started;
			WeComSimulator weCom = hub.getBean(WeComSimulator.class);
			Http http = new Http(((WebServerApplicationContext) hub).getWebServer().getPort());
			Clock clock = hub.getBean(Clock.class);
			List<Long> millis = new ArrayList<>();
			for (int run = 0; run < RUNS; run++) {
				int before = weCom.recorded(WeComSimulator.ADD_MSG_TEMPLATE).size();
				String callback = RobotCallbackSamples.message("msgBenchmark" + run + "==", "demo-dispatcher",
						"协查 全部 寻找一名走失的七岁男孩，身穿红色外套", clock);
				long t0 = System.nanoTime();
				assertThat(http.post("/callbacks/dingtalk/robot", callback, RobotCallbackSamples.signed(clock))
					.statusCode()).isEqualTo(200);
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(5))
					.until(() -> weCom.recorded(WeComSimulator.ADD_MSG_TEMPLATE).size() - before == 12);
				millis.add((System.nanoTime() - t0) / 1_000_000);
			}
			List<Long> sorted = millis.stream().sorted().toList();
			String report = String.format(
					"broadcast.benchmark groups=40 members=%d tasks=12 runs(ms)=%s median=%d ms; start-up with enrolment %d ms%n",
					40 * MEMBERS_PER_GROUP, millis, sorted.get(RUNS / 2), startup / 1_000_000);
			System.out.print(report);
			Files.writeString(Path.of("target", "broadcast-benchmark.txt"), report);
		}
	}

	/**
	 * The demo bureau's officers and rules, with a county's worth of groups and
	 * informants.
	 */
	private void county() throws IOException {
		Files.createDirectories(this.home.resolve("config/rules"));
		Files.createDirectories(this.home.resolve("samples/demo"));
		Files.copy(Path.of("..", "config", "rules", "command.yaml"), this.home.resolve("config/rules/command.yaml"));
		// the benchmark measures the broadcast itself, so 全部 goes out without waiting for
		// approval
		Files.writeString(this.home.resolve("config/rules/circles.yaml"), """
				- id: assist-to-circles
				  event: AssistRequestOpened
				  when: size(event.circles) > 0
				  then:
				    - broadcast: {}
				""");
		Files.copy(Path.of("..", "samples", "demo", "bureau.yaml"), this.home.resolve("samples/demo/bureau.yaml"));
		Files.copy(Path.of("..", "config", "escalation.yaml"), this.home.resolve("config/escalation.yaml"));
		StringBuilder circles = new StringBuilder("quota-policy: days-in-month\ncircles:\n");
		StringBuilder members = new StringBuilder("members:\n");
		String[] names = { "交通运输圈", "旅馆网吧娱乐餐饮圈", "二手回收维修金银圈", "房屋出租圈", "个体工商户圈", "村组干部圈" };
		int member = 0;
		for (int c = 0; c < CIRCLES.length; c++) {
			circles.append("  - id: ")
				.append(CIRCLES[c])
				.append("\n    name: ")
				.append(names[c])
				.append("\n    aliases: [")
				.append(names[c], 0, 2)
				.append("]\n    liaisons:\n");
			for (int l = 1; l <= 2; l++) {
				circles.append("      - { wecom-user-id: liaison_")
					.append(CIRCLES[c])
					.append('_')
					.append(l)
					.append(", dingtalk-user-id: officer0")
					.append(l)
					.append(" }\n");
			}
			circles.append("    groups:\n");
			for (int g = 0; g < GROUPS_PER_CIRCLE[c]; g++) {
				String chat = "wrBench" + CIRCLES[c] + g;
				circles.append("      - { chat-id: ")
					.append(chat)
					.append(", name: ")
					.append(names[c])
					.append(g)
					.append("群, township: 镇")
					.append(g)
					.append(", owner: liaison_")
					.append(CIRCLES[c])
					.append('_')
					.append(1 + g % 2)
					.append(" }\n");
				for (int m = 0; m < MEMBERS_PER_GROUP; m++) {
					member++;
					members.append("  - { external-user-id: wmBench")
						.append(member)
						.append(", name: 线人")
						.append(member)
						.append(", phone: \"139")
						.append(String.format("%08d", member))
						.append("\", circle: ")
						.append(CIRCLES[c])
						.append(", township: 镇")
						.append(g)
						.append(", chat-id: ")
						.append(chat)
						.append(", sms-consent: true }\n");
				}
			}
		}
		Files.writeString(this.home.resolve("config/circles.yaml"), circles);
		Files.writeString(this.home.resolve("samples/demo/members.yaml"), members);
	}

}
