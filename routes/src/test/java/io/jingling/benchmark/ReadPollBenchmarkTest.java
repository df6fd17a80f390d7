package io.jingling.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.jingling.JinglingApplication;
import io.jingling.connectors.dingtalk.client.DingTalkClient;
import io.jingling.connectors.dingtalk.client.GroupMessage;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.connectors.dingtalk.client.SentMessage;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.ReadingProfile;
import io.jingling.outbox.DeliveryListener.DeliveredRow;
import io.jingling.reads.ReadTracking;
import io.jingling.schedule.DueWork;
import io.jingling.support.HubTestConfiguration;
import io.jingling.support.MutableClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one read poll costs with 1,000 orders open at once: platform calls per tracked
 * message per poll, and the CPU time of the tick that polls them all (the calling
 * thread's, which makes the platform calls too), median of 3 polls. Not part of the
 * default suite; run with
 * {@code ./mvnw -B -pl routes -am test -Dgroups=benchmark -Dbenchmark.excluded= -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class ReadPollBenchmarkTest {

	private static final int ORDERS = 1000;

	private static final List<String> GROUPS = List.of("cidJinglingDemoChengguan==", "cidJinglingDemoChengdong==",
			"cidJinglingDemoHekou==", "cidJinglingDemoQingshan==", "cidJinglingDemoCommand==");

	private final MutableClock clock = new MutableClock(HubTestConfiguration.START, ZoneId.of("Asia/Shanghai"));

	@Test
	void pollsAThousandOpenOrders() {
		try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(JinglingApplication.class)
			.initializers((context) -> ((GenericApplicationContext) context).registerBean("testClock",
					MutableClock.class, () -> this.clock, (definition) -> definition.setPrimary(true)))
			.run("--server.port=0", "--jingling.home=..", "--jingling.sandbox.scenario=false",
					"--spring.quartz.auto-startup=false",
					"--spring.datasource.url=jdbc:h2:mem:read-benchmark;DB_CLOSE_DELAY=-1")) {
			DingTalkSimulator sim = hub.getBean(DingTalkSimulator.class);
			sim.setReadingProfile(ReadingProfile.demo());
			JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
			Instant sentAt = open(hub, jdbc);
			DueWork dueWork = hub.getBean(DueWork.class);
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			List<Long> cpuMillis = new ArrayList<>();
			List<Long> wallMillis = new ArrayList<>();
			List<Double> callsPerMessage = new ArrayList<>();
			for (Duration at : List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5))) {
				this.clock.advance(Duration.between(this.clock.instant(), sentAt.plus(at)));
				int before = sim.recorded(DingTalkSimulator.QUERY_GROUP_READS).size();
				int tracking = jdbc.queryForObject("SELECT COUNT(*) FROM tracked_message WHERE status = 'TRACKING'",
						Integer.class);
				long cpu = threads.getCurrentThreadCpuTime();
				long wall = System.nanoTime();
				dueWork.runDue();
				cpuMillis.add((threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
				wallMillis.add((System.nanoTime() - wall) / 1_000_000);
				int calls = sim.recorded(DingTalkSimulator.QUERY_GROUP_READS).size() - before;
				callsPerMessage.add((double) calls / tracking);
				assertThat(calls).isEqualTo(tracking);
			}
			System.out.printf(
					"reads.benchmark orders=%d callsPerTrackedMessagePerPoll=%s cpu(ms)=%s median=%d"
							+ " wall(ms)=%s median=%d%n",
					ORDERS, callsPerMessage, cpuMillis, median(cpuMillis), wallMillis, median(wallMillis));
		}
	}

	/**
	 * Sends 1,000 orders to five groups, three seconds apart (the groups' rate limits),
	 * then starts tracking them all at once; returns when tracking started.
	 */
	private Instant open(ConfigurableApplicationContext hub, JdbcTemplate jdbc) {
		DingTalkClient client = hub.getBean(DingTalkClient.class);
		ReadTracking tracking = hub.getBean(ReadTracking.class);
		jdbc.update(
				"INSERT INTO inbox_event (platform, platform_msg_id, event_type, received_at, payload, status)"
						+ " VALUES ('bench', 'bench-1', 'bench', ?, '{}', 'DONE')",
				Timestamp.from(this.clock.instant()));
		long event = jdbc.queryForObject("SELECT id FROM inbox_event WHERE platform = 'bench'", Long.class);
		List<DeliveredRow> rows = new ArrayList<>();
		List<SentMessage> sends = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			this.clock.advance(Duration.ofSeconds(3));
			String code = String.format("JL-20261101-%03d", i);
			String group = GROUPS.get(i % GROUPS.size());
			SentMessage sent = client.sendToGroup(new GroupMessage(group, new MessageContent("警令 " + code, "演练 " + i)));
			Timestamp now = Timestamp.from(this.clock.instant());
			jdbc.update("INSERT INTO dispatch_order (code, target_kind, target_label, content, posted_by, posted_at,"
					+ " recipient_count, source_event_id, policy, report_to) VALUES (?, 'GROUP', ?, ?, 'demo-dispatcher',"
					+ " ?, 5, ?, 'normal', 'cidJinglingDemoCommand==')", code, group, "演练 " + i, now, event);
			jdbc.update("INSERT INTO outbox (action_key, recipient, operation, pacing_group, payload, status,"
					+ " created_at, next_attempt_at, sent_at, platform_ref) VALUES (?, ?, 'GROUP', ?, '{}', 'SENT', ?, ?, ?, ?)",
					"order:" + code, group, group, now, now, now, sent.processQueryKey());
			long outboxId = jdbc.queryForObject("SELECT id FROM outbox WHERE action_key = ?", Long.class,
					"order:" + code);
			rows.add(new DeliveredRow(outboxId, "order:" + code, group, "GROUP", null, group, null));
			sends.add(sent);
		}
		Instant at = this.clock.instant();
		for (int i = 0; i < ORDERS; i++) {
			tracking.sent(List.of(rows.get(i)), sends.get(i), at);
		}
		return at;
	}

	private static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

}
