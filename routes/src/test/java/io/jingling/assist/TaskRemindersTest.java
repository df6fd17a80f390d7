package io.jingling.assist;

import java.time.Duration;
import java.util.List;

import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.sms.sim.AliyunSmsSimulator;
import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.jingling.informant.Members;
import io.jingling.support.Http;
import io.jingling.support.HubTest;
import io.jingling.support.HubTestConfiguration;
import io.jingling.support.MutableClock;
import io.jingling.support.RobotCallbackSamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An owner who has not confirmed is reminded in WeCom and DINGed, every 30 minutes, three
 * times a day at most.
 */
@HubTest
class TaskRemindersTest {

	/**
	 * The liaison of the hospitality circle, and their DingTalk user id
	 * (config/circles.yaml).
	 */
	private static final String OWNER = "liaison_hospitality_01";

	private static final String OWNER_IN_DINGTALK = "officer19";

	@Autowired
	TaskReminders reminders;

	@Autowired
	DingTalkSimulator dingTalk;

	@Autowired
	WeComSimulator weCom;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AliyunSmsSimulator sms;

	@Autowired
	Members members;

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofMinutes(1));
		this.dingTalk.clearJournal();
		this.weCom.clearJournal();
	}

	@AfterEach
	void restoreDing() {
		this.dingTalk.setDingAvailable(true);
	}

	@Test
	void remindsAndDingsAnOwnerWhoHasNotConfirmedAtMostThreeTimesADay() {
		String code = broadcastToHospitality();
		String msgId = this.weCom.tasksOf(OWNER).get(this.weCom.tasksOf(OWNER).size() - 1);

		this.reminders.remindDue();
		assertThat(remindersOf(msgId)).isZero();

		this.clock.advance(Duration.ofMinutes(31));
		this.reminders.remindDue();
		await().atMost(Duration.ofSeconds(10)).until(() -> remindersOf(msgId) == 1 && dingsOf(code) == 1);
		assertThat(this.dingTalk.recorded(DingTalkSimulator.DING)).anySatisfy((ding) -> {
			assertThat(ding.json().path("receiverUserIdList").get(0).asText()).isEqualTo(OWNER_IN_DINGTALK);
			assertThat(ding.json().path("remindType").asInt()).isEqualTo(1);
			assertThat(ding.json().path("content").asText()).contains(code, "2 个群");
		});

		this.reminders.remindDue();
		this.dingTalk.setDingAvailable(false);
		this.clock.advance(Duration.ofMinutes(31));
		this.reminders.remindDue();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> remindersOf(msgId) == 2 && this.dingTalk.recorded(DingTalkSimulator.SEND_USERS)
				.stream()
				.anyMatch((send) -> send.body().contains(code) && send.body().contains(OWNER_IN_DINGTALK)));

		this.clock.advance(Duration.ofMinutes(31));
		this.reminders.remindDue();
		await().atMost(Duration.ofSeconds(10)).until(() -> remindersOf(msgId) == 3);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM broadcast_reminder WHERE assist_code = ?",
				Integer.class, code))
			.isEqualTo(3);
		assertThat(alertsAbout(code)).isEmpty();

		// the last reminder went unheeded too: the admins are told, once
		this.clock.advance(Duration.ofMinutes(31));
		this.reminders.remindDue();
		this.reminders.remindDue();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM broadcast_reminder WHERE assist_code = ?",
				Integer.class, code))
			.isEqualTo(3);
		assertThat(alertsAbout(code)).singleElement()
			.satisfies((payload) -> assertThat(payload).contains("企业微信群发任务无人确认", code, "旅馆网吧娱乐餐饮圈", "提醒 3 次后仍未确认"));
	}

	private List<String> alertsAbout(String code) {
		return this.jdbc.queryForList("SELECT payload FROM outbox WHERE action_key LIKE ? AND recipient = ?",
				String.class, "alert:WECOM_TASK:" + code + ":%", HubTestConfiguration.ALERTS_GROUP);
	}

	@Test
	void anUrgentRequestStillUnconfirmedAtTheFirstReminderGoesBySmsToConsentingMembersOnce() {
		String code = broadcastToHospitality("msgRemindUrgent01==", "协查 紧急 旅馆 查找一名登记假身份证的住客");
		List<String> consenting = this.jdbc
			.queryForList("SELECT DISTINCT m.id FROM member m JOIN broadcast_group g ON g.chat_id = m.chat_id"
					+ " WHERE g.assist_code = ? AND m.sms_consent AND NOT m.opted_out", Long.class, code)
			.stream()
			.map((member) -> this.members.identityOf(member).phone())
			.toList();
		assertThat(consenting).isNotEmpty();

		this.clock.advance(Duration.ofMinutes(31));
		this.reminders.remindDue();
		await().atMost(Duration.ofSeconds(10)).until(() -> smsFor(code).size() == consenting.size());
		assertThat(smsFor(code)).containsExactlyInAnyOrderElementsOf(consenting);

		this.clock.advance(Duration.ofMinutes(31));
		this.reminders.remindDue();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM broadcast_reminder WHERE assist_code = ?",
					Integer.class, code) == 2);
		assertThat(smsFor(code)).hasSize(consenting.size());
	}

	private List<String> smsFor(String code) {
		return this.sms.accepted()
			.stream()
			.filter((message) -> "SMS_490000005".equals(message.templateCode())
					&& code.equals(message.params().get("code")))
			.flatMap((message) -> message.phoneNumbers().stream())
			.toList();
	}

	private String broadcastToHospitality() {
		return broadcastToHospitality("msgRemind01==", "协查 旅馆 查找一名登记假身份证的住客");
	}

	private String broadcastToHospitality(String msgId, String text) {
		String callback = RobotCallbackSamples.message(msgId, "demo-dispatcher", text, this.clock);
		assertThat(
				new Http(this.port).post("/callbacks/dingtalk/robot", callback, RobotCallbackSamples.signed(this.clock))
					.statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM outbox o JOIN assist_request a"
					+ " ON o.action_key = CONCAT('broadcast:', a.code) JOIN inbox_event i ON a.source_event_id = i.id"
					+ " WHERE i.platform_msg_id = ? AND o.status = 'SENT'", Integer.class, msgId) == 1);
		return this.jdbc.queryForObject("SELECT a.code FROM assist_request a JOIN inbox_event i"
				+ " ON a.source_event_id = i.id WHERE i.platform_msg_id = ?", String.class, msgId);
	}

	private long remindersOf(String msgId) {
		return this.weCom.recorded(WeComSimulator.REMIND)
			.stream()
			.filter((call) -> msgId.equals(call.json().path("msgid").asText()))
			.count();
	}

	private long dingsOf(String code) {
		List<String> contents = this.dingTalk.recorded(DingTalkSimulator.DING)
			.stream()
			.map((ding) -> ding.json().path("content").asText())
			.toList();
		return contents.stream().filter((content) -> content.contains(code)).count();
	}

}
