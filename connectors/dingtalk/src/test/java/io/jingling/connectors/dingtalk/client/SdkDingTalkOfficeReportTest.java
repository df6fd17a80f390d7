package io.jingling.connectors.dingtalk.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.TransientConnectorException;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator.Failure;
import io.jingling.connectors.dingtalk.sim.Recorded;
import io.jingling.connectors.dingtalk.sim.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdkDingTalkOfficeReportTest {

	private static final String APP_KEY = "dinghubtestappkey01";

	private static final String APP_SECRET = "hub-test-app-secret-0001";

	private static final String DAILY = "巡逻日报";

	private static final Instant MONDAY = Instant.parse("2026-11-30T00:00:00Z");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TestClock clock = new TestClock(Instant.parse("2026-12-20T06:00:00Z"));

	private static DingTalkSimulator sim;

	private DingTalkOffice office;

	@BeforeAll
	static void startSimulator() {
		sim = DingTalkSimulator.start(APP_KEY, APP_SECRET, APP_KEY, clock);
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@BeforeEach
	void newClient() {
		sim.reset();
		URI url = sim.baseUrl();
		this.office = new SdkDingTalkClient(
				new DingTalkSettings(url, url, APP_KEY, APP_SECRET, APP_KEY, Duration.ofSeconds(2)), clock)
			.office();
	}

	@Test
	void listsATemplatesLogsWithTheirFields() throws Exception {
		Map<String, String> contents = new LinkedHashMap<>();
		contents.put("今日巡逻", "城东三条街");
		contents.put("发现问题", "无");
		String reportId = sim.addReport(DAILY, "officer002", "张三", MONDAY.plusSeconds(3600), List.of("leader01"),
				contents);
		sim.addReport("周报", "officer003", "李四", MONDAY.plusSeconds(7200), List.of("leader01"), Map.of("本周", "略"));

		List<WorkReport> reports = this.office.reports(DAILY, MONDAY, MONDAY.plus(Duration.ofDays(1)));

		assertThat(reports).containsExactly(new WorkReport(reportId, DAILY, "officer002", "张三",
				MONDAY.plusSeconds(3600), List.of(new ReportField("今日巡逻", "城东三条街"), new ReportField("发现问题", "无"))));
		assertThat(sim.recorded(DingTalkSimulator.REPORTS)).singleElement().satisfies((call) -> {
			assertThat(call.query()).startsWith("access_token=sim-token-");
			assertThat(call.json()).isEqualTo(JSON.readTree("{\"start_time\":" + MONDAY.toEpochMilli()
					+ ",\"end_time\":" + (MONDAY.plus(Duration.ofDays(1)).toEpochMilli() - 1) + ",\"template_name\":\""
					+ DAILY + "\",\"cursor\":0,\"size\":20}"));
		});
		assertThat(reports.get(0)).asString().contains("contents=2").doesNotContain("张三", "officer002", "城东");
		assertThat(reports.get(0).contents().get(0)).asString().contains("今日巡逻").doesNotContain("城东");
	}

	@Test
	void pagesFortyFiveLogsTwentyAtATime() {
		IntStream.range(0, 45)
			.forEach((i) -> sim.addReport(DAILY, "officer002", "张三", MONDAY.plusSeconds(60L * i), List.of("leader01"),
					Map.of("序号", String.valueOf(i))));

		List<WorkReport> reports = this.office.reports(null, MONDAY, MONDAY.plus(Duration.ofDays(1)));

		assertThat(reports).hasSize(45);
		assertThat(reports).extracting((report) -> report.contents().get(0).value())
			.startsWith("0", "1")
			.endsWith("44");
		assertThat(sim.recorded(DingTalkSimulator.REPORTS)).extracting(Recorded::json).allSatisfy((call) -> {
			assertThat(call.has("template_name")).isFalse();
			assertThat(call.get("size").asInt()).isEqualTo(20);
		}).extracting((call) -> call.get("cursor").asInt()).containsExactly(0, 20, 40);
	}

	@Test
	void asksForAtMostOneHundredEightyDaysAtATime() {
		sim.addReport(DAILY, "officer002", "张三", MONDAY.plus(Duration.ofDays(200)), List.of("leader01"), Map.of());

		List<WorkReport> reports = this.office.reports(DAILY, MONDAY, MONDAY.plus(Duration.ofDays(365)));

		assertThat(reports).hasSize(1);
		assertThat(sim.recorded(DingTalkSimulator.REPORTS)).extracting(Recorded::json)
			.extracting((call) -> call.get("start_time").asLong())
			.containsExactly(MONDAY.toEpochMilli(), MONDAY.plus(Duration.ofDays(180)).toEpochMilli(),
					MONDAY.plus(Duration.ofDays(360)).toEpochMilli());
	}

	@Test
	void readersAndReceiversPageAHundredAtATime() throws Exception {
		List<String> receivers = IntStream.range(0, 300).mapToObj((i) -> String.format("officer%03d", i)).toList();
		String reportId = sim.addReport(DAILY, "leader01", "王队", MONDAY, receivers, Map.of("通报", "略"));
		receivers.subList(0, 230).forEach((userId) -> sim.markReportRead(reportId, userId));

		Set<String> readers = this.office.reportReaders(reportId);
		Set<String> all = this.office.reportReceivers(reportId);

		assertThat(readers).hasSize(230).containsExactlyElementsOf(receivers.subList(0, 230));
		assertThat(all).hasSize(300).containsExactlyElementsOf(receivers);
		assertThat(sim.recorded(DingTalkSimulator.REPORT_READERS)).extracting(Recorded::json)
			.containsExactly(JSON.readTree("{\"report_id\":\"" + reportId + "\",\"type\":0,\"offset\":0,\"size\":100}"),
					JSON.readTree("{\"report_id\":\"" + reportId + "\",\"type\":0,\"offset\":100,\"size\":100}"),
					JSON.readTree("{\"report_id\":\"" + reportId + "\",\"type\":0,\"offset\":200,\"size\":100}"));
		assertThat(sim.recorded(DingTalkSimulator.REPORT_RECEIVERS)).extracting(Recorded::json)
			.extracting((call) -> call.get("offset").asInt())
			.containsExactly(0, 100, 200);
		assertThat(sim.recorded(DingTalkSimulator.REPORT_RECEIVERS).get(0).json().has("type")).isFalse();
	}

	@Test
	void anUnreadLogHasNoReaders() {
		String reportId = sim.addReport(DAILY, "leader01", "王队", MONDAY, List.of("officer001"), Map.of());

		assertThat(this.office.reportReaders(reportId)).isEmpty();
		assertThat(sim.recorded(DingTalkSimulator.REPORT_READERS)).hasSize(1);
	}

	@Test
	void mapsOldApiErrors() {
		assertThatThrownBy(() -> this.office.reportReceivers("no-such-report")).isInstanceOfSatisfying(
				PermanentConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("40035"));
		sim.failNext(DingTalkSimulator.REPORTS, Failure.THROTTLED, 1);
		assertThatThrownBy(() -> this.office.reports(DAILY, MONDAY, MONDAY.plusSeconds(60)))
			.isInstanceOf(ThrottledConnectorException.class);
		sim.failNext(DingTalkSimulator.REPORT_READERS, Failure.TOKEN_EXPIRED, 2);
		assertThatThrownBy(() -> this.office.reportReaders("any")).isInstanceOfSatisfying(
				TransientConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("40014"));
		assertThat(sim.recorded(DingTalkSimulator.REPORT_READERS)).as("one call, one retry").hasSize(2);
	}

	@Test
	void keepsUserIdsAndContentsOutOfTheLog() {
		Logger logger = (Logger) LoggerFactory.getLogger("io.jingling");
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		logger.addAppender(log);
		try {
			String reportId = sim.addReport(DAILY, "officer002", "张三", MONDAY, List.of("leader01"),
					Map.of("今日巡逻", "城东三条街"));
			sim.markReportRead(reportId, "leader01");
			this.office.reports(DAILY, MONDAY, MONDAY.plusSeconds(60));
			this.office.reportReaders(reportId);
			this.office.reportReceivers(reportId);
		}
		finally {
			logger.detachAppender(log);
		}

		List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		assertThat(lines).anyMatch((line) -> line.startsWith("dingtalk.office ok operation=report readers"))
			.noneMatch((line) -> line.contains("officer002") || line.contains("leader01") || line.contains("张三"))
			.noneMatch((line) -> line.contains("城东") || line.contains("sim-token-"));
	}

}
