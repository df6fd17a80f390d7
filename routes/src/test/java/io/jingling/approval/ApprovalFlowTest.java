package io.jingling.approval;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.jingling.connectors.dingtalk.sim.DingTalkEventSender;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.SimulatedApproval;
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
 * A county-wide assist request waits for a leader's approval: one approval instance,
 * nothing to WeChat until {@code agree}, then one broadcast; a refusal cancels it and
 * says why. The approval events reach the hub signed and encrypted as DingTalk sends
 * them.
 */
@HubTest
class ApprovalFlowTest {

	@Autowired
	DingTalkSimulator dingTalk;

	@Autowired
	WeComSimulator weCom;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	DingTalkEventSender events;

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofMinutes(1));
		this.dingTalk.clearJournal();
		this.weCom.clearJournal();
		this.events = new DingTalkEventSender(
				URI.create("http://127.0.0.1:" + this.port + "/callbacks/dingtalk/events"), "JinglingDemoEvToken",
				"JinglingDemoEventAesKey0123456789abcdefghij", "dingjinglingdemo01", "dingcorpjinglingdemo",
				this.clock);
	}

	@Test
	void broadcastsACountyWideRequestOnlyOnceALeaderAgrees() {
		String code = postAssist("msgApprovalAgree==", "协查 全部 寻找走失老人，男，70 岁，穿蓝色外套");
		SimulatedApproval approval = awaitApproval(code);
		assertThat(approval.processCode()).isEqualTo("PROC-JINGLING-XC");
		assertThat(approval.originatorUserId()).isEqualTo("demo-dispatcher");
		assertThat(approval.approvers()).containsExactly("leader01");
		assertThat(status(code)).isEqualTo("PENDING_APPROVAL");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "PENDING".equals(
					this.jdbc.queryForObject("SELECT status FROM approval WHERE assist_code = ?", String.class, code)));
		assertThat(tasksFor(code)).isZero();

		var agree = Map.<String, Object>of("processInstanceId", approval.instanceId(), "processCode",
				"PROC-JINGLING-XC", "type", "finish", "result", "agree", "staffId", "leader01", "title",
				"协查发布审批 " + code);
		var delivered = this.events.send("bpms_instance_change", agree);
		assertThat(delivered.accepted()).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> tasksFor(code) > 0);
		assertThat(this.events.resend(delivered.eventId()).accepted()).isTrue();
		assertThat(this.events.send("bpms_instance_change", agree).accepted()).isTrue();

		await().atMost(Duration.ofSeconds(10)).until(() -> "BROADCAST".equals(status(code)));
		int rows = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM outbox WHERE action_key LIKE ? AND operation = 'WECOM_TASK'", Integer.class,
				"broadcast:" + code + "%");
		assertThat(rows).isPositive();
		// one task per owner and circle, each created once (a call WeCom refused and the
		// outbox retried is journalled twice but created once)
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM outbox WHERE action_key LIKE ?"
							+ " AND operation = 'WECOM_TASK' AND status = 'SENT'",
					Integer.class, "broadcast:" + code + "%") == rows);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT platform_ref) FROM outbox WHERE action_key LIKE ?"
				+ " AND operation = 'WECOM_TASK'", Integer.class, "broadcast:" + code + "%"))
			.isEqualTo(rows);
		assertThat(tasksFor(code)).isGreaterThanOrEqualTo(rows);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.dingTalk.recorded(DingTalkSimulator.SEND_USERS)
				.stream()
				.anyMatch((call) -> call.body().contains("审批已同意")));
		assertThat(this.jdbc.queryForObject("SELECT status FROM approval WHERE assist_code = ?", String.class, code))
			.isEqualTo("AGREED");
	}

	@Test
	void cancelsARefusedRequestAndSaysWhy() {
		String code = postAssist("msgApprovalRefuse==", "协查 敏感 房屋 寻找一名租客");
		SimulatedApproval approval = awaitApproval(code);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "PENDING".equals(
					this.jdbc.queryForObject("SELECT status FROM approval WHERE assist_code = ?", String.class, code)));

		assertThat(
				this.events
					.send("bpms_task_change",
							Map.of("processInstanceId", approval.instanceId(), "taskId", 90001, "type", "finish",
									"result", "refuse", "staffId", "leader01", "remark", "信息不全，请补充照片"))
					.accepted())
			.isTrue();
		assertThat(this.events
			.send("bpms_instance_change", Map.of("processInstanceId", approval.instanceId(), "type", "finish", "result",
					"refuse", "staffId", "leader01"))
			.accepted()).isTrue();

		await().atMost(Duration.ofSeconds(10)).until(() -> "CANCELLED".equals(status(code)));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.dingTalk.recorded(DingTalkSimulator.SEND_GROUP)
				.stream()
				.anyMatch((call) -> call.body().contains("审批未通过，理由：信息不全，请补充照片")));
		assertThat(tasksFor(code)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT status FROM approval WHERE assist_code = ?", String.class, code))
			.isEqualTo("REFUSED");
	}

	@Test
	void sendsAFewNamedCirclesWithoutApproval() {
		String code = postAssist("msgNoApproval==", "协查 交通、房屋 寻找灰色面包车");
		await().atMost(Duration.ofSeconds(10)).until(() -> "BROADCAST".equals(status(code)));
		assertThat(this.dingTalk.approvals()).noneMatch((approval) -> approval.fields().toString().contains(code));
	}

	private SimulatedApproval awaitApproval(String code) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.dingTalk.approvals()
				.stream()
				.anyMatch((approval) -> approval.fields().toString().contains(code)));
		List<SimulatedApproval> found = this.dingTalk.approvals()
			.stream()
			.filter((approval) -> approval.fields().toString().contains(code))
			.toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private String postAssist(String msgId, String text) {
		String callback = RobotCallbackSamples.message(msgId, "demo-dispatcher", text, this.clock);
		assertThat(
				new Http(this.port).post("/callbacks/dingtalk/robot", callback, RobotCallbackSamples.signed(this.clock))
					.statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM assist_request a JOIN inbox_event i"
					+ " ON a.source_event_id = i.id WHERE i.platform_msg_id = ?", Integer.class, msgId) == 1);
		return this.jdbc.queryForObject("SELECT a.code FROM assist_request a JOIN inbox_event i"
				+ " ON a.source_event_id = i.id WHERE i.platform_msg_id = ?", String.class, msgId);
	}

	private long tasksFor(String code) {
		return this.weCom.recorded(WeComSimulator.ADD_MSG_TEMPLATE)
			.stream()
			.filter((call) -> call.body().contains(code))
			.count();
	}

	private String status(String code) {
		return this.jdbc.queryForObject("SELECT status FROM assist_request WHERE code = ?", String.class, code);
	}

}
