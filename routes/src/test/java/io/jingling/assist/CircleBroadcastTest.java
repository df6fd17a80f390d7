package io.jingling.assist;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.wechat.sim.Recorded;
import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.jingling.support.Http;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.support.RobotCallbackSamples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dispatcher's 协查 goes out as one WeCom task per owner; reach shows what the owners
 * confirmed.
 */
@HubTest
class CircleBroadcastTest {

	@Autowired
	DingTalkSimulator dingTalk;

	@Autowired
	WeComSimulator weCom;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BroadcastReach reach;

	@Autowired
	AssistRequests assistRequests;

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofMinutes(1));
		this.dingTalk.clearJournal();
		this.weCom.clearJournal();
		this.jdbc.update("DELETE FROM group_quota_use");
	}

	@Test
	void createsOneTaskPerOwnerWithThatOwnersGroupsAndReportsReachAfterConfirmation() throws Exception {
		String code = post("msgBroadcast01==", "协查 transport,rental 寻找灰色面包车，车牌尾号 37");

		List<Recorded> tasks = awaitTasks(3);
		assertThat(tasks).extracting((task) -> task.json().path("sender").asText() + "=" + chatIds(task.json()))
			.containsExactlyInAnyOrder(
					"liaison_transport_01=[wrJLDemoTransportChengguan01, wrJLDemoTransportChengdong01]",
					"liaison_transport_02=[wrJLDemoTransportHekou01]",
					"liaison_rental_01=[wrJLDemoRentalChengguan01, wrJLDemoRentalChengdong01]");
		assertThat(tasks).allSatisfy((task) -> {
			assertThat(task.json().path("chat_type").asText()).isEqualTo("group");
			assertThat(task.json().path("allow_select").asBoolean(true)).isFalse();
			assertThat(task.json().path("text").path("content").asText()).contains("【协查 " + code + "】", "寻找灰色面包车",
					"scene_param=" + code);
		});

		for (String msgId : this.weCom.tasksOf("liaison_transport_01")) {
			this.weCom.confirmTask(msgId, "liaison_transport_01");
		}
		assertThat(this.reach.poll()).isGreaterThanOrEqualTo(2);

		assertThat(this.assistRequests.statusOf(code)).get()
			.asString()
			.contains("交通运输圈：任务 2/2 已创建，已确认 1 人，群 2/3 已发送")
			.contains("房屋出租圈：任务 1/1 已创建，已确认 0 人，群 0/2 已发送");
		assertThat(this.weCom.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).hasSize(3);
	}

	@Test
	void leavesOutAGroupWithoutQuotaAndTellsTheDispatcherBeforeSending() {
		this.jdbc.update("INSERT INTO group_quota_use (chat_id, period, used) VALUES ('wrJLDemoRentalChengguan01',"
				+ " '2026-11', 30), ('wrJLDemoRentalChengdong01', '2026-11', 30)");

		String code = post("msgBroadcastQuota01==", "协查 房屋 寻找走失老人");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.dingTalk.recorded(DingTalkSimulator.SESSION_REPLY)
				.stream()
				.anyMatch((reply) -> reply.body().contains("城关房东协查群")));
		assertThat(this.dingTalk.recorded(DingTalkSimulator.SESSION_REPLY))
			.anySatisfy((reply) -> assertThat(reply.json().path("markdown").path("text").asText()).contains(code,
					"城关房东协查群", "城东房东协查群"));
		assertThat(this.weCom.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT status FROM assist_request WHERE code = ?", String.class, code))
			.isEqualTo("CREATED");
	}

	@Test
	void retriesBusyAndExpiredTokenAndSurfacesUntrustedIpInChineseWithoutSendingTwice() {
		this.weCom.failNext(WeComSimulator.ADD_MSG_TEMPLATE, -1, 1);
		String code = post("msgBroadcastErrors01==", "协查 village 寻找失联人员");
		await().atMost(Duration.ofSeconds(10)).until(() -> attempts(code) >= 1);
		this.clock.advance(Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.weCom.tasksOf("liaison_village_01").size() == 1);
		assertThat(this.weCom.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).hasSize(2);

		this.weCom.failNext(WeComSimulator.ADD_MSG_TEMPLATE, 60020, 1);
		String refused = post("msgBroadcastErrors02==", "协查 merchants 寻找被盗电动车");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM outbox WHERE action_key = ? AND status = 'DEAD'", Integer.class,
					"broadcast:" + refused) == 1);

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE action_key = ? AND status = 'SENT'",
				Integer.class, "broadcast:" + code))
			.isEqualTo(1);
		assertThat(this.assistRequests.statusOf(refused)).get().asString().contains("可信 IP");
	}

	@Test
	void showsAThrottledTaskAsRetryingWithWeComsReason() {
		this.weCom.failNext(WeComSimulator.ADD_MSG_TEMPLATE, 45009, 1);

		String code = post("msgBroadcastThrottled01==", "协查 个体 寻找一辆被盗的三轮车");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.assistRequests.statusOf(code).orElse("").contains("重试中"));
		assertThat(this.assistRequests.statusOf(code)).get().asString().contains("个体工商户圈", "重试中：", "频率");
		assertThat(this.jdbc
			.queryForObject("SELECT next_attempt_at FROM outbox WHERE action_key = ?", Timestamp.class,
					"broadcast:" + code)
			.toInstant()).isBefore(this.clock.instant().plus(Duration.ofMinutes(2)));
		assertThat(this.weCom.tasksOf("liaison_merchants_01")).isEmpty();
		this.jdbc.update("UPDATE outbox SET status = 'DEAD' WHERE action_key = ?", "broadcast:" + code);
	}

	private String post(String msgId, String text) {
		String callback = RobotCallbackSamples.message(msgId, "demo-dispatcher", text, this.clock);
		assertThat(
				new Http(this.port).post("/callbacks/dingtalk/robot", callback, RobotCallbackSamples.signed(this.clock))
					.statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> !codeOf(msgId).isEmpty());
		return codeOf(msgId).get(0);
	}

	private List<String> codeOf(String msgId) {
		return this.jdbc
			.queryForList("SELECT a.code FROM assist_request a JOIN inbox_event i ON a.source_event_id = i.id"
					+ " WHERE i.platform_msg_id = ?", String.class, msgId);
	}

	private int attempts(String code) {
		return this.jdbc
			.queryForList("SELECT attempts FROM outbox WHERE action_key = ?", Integer.class, "broadcast:" + code)
			.stream()
			.mapToInt(Integer::intValue)
			.sum();
	}

	private List<Recorded> awaitTasks(int count) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.weCom.recorded(WeComSimulator.ADD_MSG_TEMPLATE).size() >= count);
		return this.weCom.recorded(WeComSimulator.ADD_MSG_TEMPLATE);
	}

	private static List<String> chatIds(JsonNode task) {
		return StreamSupport.stream(task.path("chat_id_list").spliterator(), false).map(JsonNode::asText).toList();
	}

}
