package io.jingling.worklog;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Logs (日志) are polled: polled twice, each log is recorded, shared and tracked once, and
 * the digest names exactly who of the required units has not submitted.
 */
@HubTest
class WorkLogsTest {

	@Autowired
	DingTalkSimulator dingTalk;

	@Autowired
	WorkLogs logs;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofMinutes(1));
		this.dingTalk.clearJournal();
	}

	@Test
	void recordsSharesAndTracksEachLogOnceAndNamesWhoHasNotSubmitted() {
		int before = this.jdbc.queryForObject("SELECT COUNT(*) FROM work_log", Integer.class);
		String first = this.dingTalk.addReport("值班日志", "officer01", "张伟", this.clock.instant().minusSeconds(600),
				List.of("demo-dispatcher", "officer04"), Map.of("今日工作", "城关片区夜巡", "发现问题", "无"));
		String second = this.dingTalk.addReport("值班日志", "officer05", "陈静", this.clock.instant().minusSeconds(300),
				List.of("demo-dispatcher", "officer07"), Map.of("今日工作", "城东卡点值守"));
		this.dingTalk.addReport("周报", "officer06", "杨磊", this.clock.instant(), List.of("officer07"), Map.of("本周", "略"));
		this.dingTalk.markReportRead(first, "demo-dispatcher");

		assertThat(this.logs.poll()).isEqualTo(2);
		assertThat(this.logs.poll()).isZero();

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM work_log", Integer.class)).isEqualTo(before + 2);
		assertThat(this.jdbc.queryForList("SELECT log_id FROM tracked_message WHERE log_id IN (?, ?)", String.class,
				first, second))
			.containsExactlyInAnyOrder(first, second);
		assertThat(this.jdbc.queryForList("SELECT r.user_id FROM tracked_recipient r JOIN tracked_message m"
				+ " ON m.id = r.tracked_id WHERE m.log_id = ?", String.class, first))
			.containsExactlyInAnyOrder("demo-dispatcher", "officer04");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.dingTalk.recorded(DingTalkSimulator.SEND_GROUP)
				.stream()
				.filter((call) -> call.body().contains("值班日志"))
				.count() == 2);
		assertThat(this.dingTalk.recorded(DingTalkSimulator.SEND_GROUP))
			.filteredOn((call) -> call.body().contains("张伟"))
			.singleElement()
			.satisfies((call) -> assertThat(call.json().path("openConversationId").asText())
				.isEqualTo("cidJinglingDemoCommand=="));

		assertThat(this.logs.missingToday()).containsExactly("值班日志 未交：王芳、李强、刘洋、杨磊、赵敏、黄勇");
	}

}
