package io.jingling.reads;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.ReadingProfile;
import io.jingling.connectors.dingtalk.sim.Recorded;
import io.jingling.connectors.sms.sim.AliyunSmsSimulator;
import io.jingling.schedule.DueWork;
import io.jingling.support.ConsoleSession;
import io.jingling.support.Http;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.support.RobotCallbackSamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "不漏一人": an urgent order to all 31 officers, 4 of whom never read it, walks the
 * {@code urgent} policy exactly, with the clock moved and the tick run by hand.
 */
@HubTest
class UrgentOrderEscalationTest {

	private static final List<String> NEVER_READ = List.of("officer05", "officer09", "officer13", "officer27");

	private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

	@Autowired
	DingTalkSimulator dingTalk;

	@Autowired
	AliyunSmsSimulator sms;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DueWork dueWork;

	@Autowired
	DailyDigest digest;

	@LocalServerPort
	int port;

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private Instant sentAt;

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofMinutes(1));
		this.dingTalk.clearJournal();
		this.sms.clearJournal();
		this.logs.start();
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(this.logs);
	}

	@AfterEach
	void tearDown() {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this.logs);
		this.dingTalk.setReadingProfile(ReadingProfile.never());
		this.dingTalk.setDingAvailable(true);
	}

	@Test
	void walksTheUrgentPolicyForThoseWhoNeverRead() throws Exception {
		Map<String, Duration> readers = new HashMap<>();
		this.jdbc.queryForList("SELECT user_id FROM officer", String.class)
			.stream()
			.filter((userId) -> !NEVER_READ.contains(userId))
			.forEach((userId) -> readers.put(userId, Duration.ofSeconds(50)));
		this.dingTalk.setReadingProfile(ReadingProfile.of(readers));
		String code = postUrgentOrderToEveryone();

		Recorded notice = awaitOne(DingTalkSimulator.WORK_NOTICE_SEND);
		assertThat(notice.json().path("userid_list").asText().split(",")).hasSize(31);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM tracked_message WHERE order_code = ?",
					Integer.class, code) == 1);
		this.sentAt = this.jdbc
			.queryForObject("SELECT sent_at FROM tracked_message WHERE order_code = ?", Timestamp.class, code)
			.toInstant();

		at(Duration.ofMinutes(1));
		assertThat(unreadIn(code)).containsExactlyInAnyOrderElementsOf(NEVER_READ);
		at(Duration.ofMinutes(2));
		assertThat(dingsFor(code)).isEmpty();

		at(Duration.ofMinutes(3));
		await().atMost(Duration.ofSeconds(10)).until(() -> dingsFor(code).size() == 1);
		Recorded ding = dingsFor(code).get(0);
		assertThat(ding.json().path("remindType").asInt()).isEqualTo(1);
		assertThat(ding.json().path("receiverUserIdList")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrderElementsOf(NEVER_READ);
		assertThat(ding.json().path("content").asText()).contains(code, "3 分钟");

		at(Duration.ofMinutes(5));
		at(Duration.ofMinutes(10));
		await().atMost(Duration.ofSeconds(10)).until(() -> dingsFor(code).size() == 2);
		Recorded smsDing = dingsFor(code).get(1);
		assertThat(smsDing.json().path("remindType").asInt()).isEqualTo(2);
		assertThat(smsDing.json().path("receiverUserIdList")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrderElementsOf(NEVER_READ);
		assertThat(smsFor(code)).isEmpty();

		at(Duration.ofMinutes(20));
		await().atMost(Duration.ofSeconds(10)).until(() -> smsFor(code).size() == 1);
		var smsCall = smsFor(code).get(0);
		assertThat(smsCall.param("PhoneNumbers").split(",")).containsExactlyInAnyOrderElementsOf(phonesOf(NEVER_READ));
		assertThat(smsCall.param("TemplateCode")).isEqualTo("SMS_490000001");
		assertThat(smsCall.param("SignName")).isEqualTo("清河县公安局");
		assertThat(new ObjectMapper().readTree(smsCall.param("TemplateParam")).path("code").asText()).isEqualTo(code);
		assertThat(smsCall.param("OutId")).startsWith("ob-");

		at(Duration.ofMinutes(30));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.dingTalk.recorded(DingTalkSimulator.SEND_GROUP)
				.stream()
				.anyMatch((call) -> call.body().contains("仍有人未读") && call.body().contains(code)));
		Recorded report = this.dingTalk.recorded(DingTalkSimulator.SEND_GROUP)
			.stream()
			.filter((call) -> call.body().contains("仍有人未读") && call.body().contains(code))
			.findFirst()
			.orElseThrow();
		assertThat(report.json().path("openConversationId").asText()).isEqualTo("cidJinglingDemoCommand==");
		assertThat(new ObjectMapper().readTree(report.json().path("msgParam").asText()).path("text").asText())
			.contains(code, "31 人中仍有 4 人未读", "陈静", "周杰", "马超", "蒋凯", "第 1 步 DING 4 人", "第 3 步 短信 4 人");

		// each recipient once per step, nobody who read, and nothing more after the last
		// step
		assertThat(this.jdbc.queryForList("SELECT step, COUNT(*) AS n FROM escalation_action WHERE order_code = ?"
				+ " GROUP BY step ORDER BY step", code))
			.extracting((row) -> ((Number) row.get("N")).intValue())
			.containsExactly(4, 4, 4, 4);
		assertThat(this.jdbc.queryForList("SELECT DISTINCT user_id FROM escalation_action WHERE order_code = ?",
				String.class, code))
			.containsExactlyInAnyOrderElementsOf(NEVER_READ);
		at(Duration.ofMinutes(45));
		assertThat(dingsFor(code)).hasSize(2);
		assertThat(smsFor(code)).hasSize(1);

		// the read log: one snapshot for every time the platform was asked
		int snapshots = this.jdbc.queryForObject("SELECT COUNT(*) FROM read_snapshot s JOIN tracked_message m"
				+ " ON m.id = s.tracked_id WHERE m.order_code = ?", Integer.class, code);
		String taskId = this.jdbc.queryForObject("SELECT platform_ref FROM tracked_message WHERE order_code = ?",
				String.class, code);
		assertThat(snapshots)
			.isEqualTo(this.dingTalk.recorded(DingTalkSimulator.WORK_NOTICE_RESULT)
				.stream()
				.filter((call) -> call.json().path("task_id").asText().equals(taskId))
				.count())
			.isEqualTo(7);

		// the timeline API answers only logged-in users allowed to see the order, and
		// shows
		// each step per recipient
		assertThat(ConsoleSession.anonymous(this.port).get("/api/orders/" + code + "/timeline").statusCode())
			.isEqualTo(401);
		ConsoleSession dispatcher = ConsoleSession.login(this.port, "demo-dispatcher", "jingling-demo");
		var timeline = dispatcher.get("/api/orders/" + code + "/timeline");
		assertThat(timeline.statusCode()).isEqualTo(200);
		JsonNode body = new ObjectMapper().readTree(timeline.body());
		assertThat(body.path("policy").asText()).isEqualTo("urgent");
		assertThat(body.path("recipients")).hasSize(31);
		assertThat(body.path("readLog")).hasSize(7);
		JsonNode unread = null;
		for (JsonNode recipient : body.path("recipients")) {
			if (recipient.path("userId").asText().equals("officer05")) {
				unread = recipient;
			}
		}
		assertThat(unread.path("readAt").isNull()).isTrue();
		assertThat(unread.path("escalations")).extracting((step) -> step.path("action").asText())
			.containsExactly("DING", "短信DING", "短信", "告知调度员");
		assertThat(dispatcher.get("/api/orders/JL-20261130-999/timeline").statusCode()).isEqualTo(404);

		assertThat(this.digest.text(java.time.LocalDate.of(2026, 11, 30), this.clock.instant()))
			.contains(code + "：已读 27/31", "阅读最慢的单位");

		assertThat(this.logs.list).extracting(ILoggingEvent::getFormattedMessage)
			.noneMatch((line) -> MOBILE.matcher(line).find());
	}

	@Test
	void answersWhoHasReadAndStopsEscalatingARecalledOrder() {
		this.dingTalk.setReadingProfile(ReadingProfile.never());
		String code = postUrgentOrderToEveryone();
		awaitOne(DingTalkSimulator.WORK_NOTICE_SEND);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM tracked_message WHERE order_code = ?",
					Integer.class, code) == 1);
		this.sentAt = this.clock.instant();
		this.dingTalk.markRead(this.jdbc.queryForObject("SELECT platform_ref FROM tracked_message WHERE order_code = ?",
				String.class, code), "officer01");
		at(Duration.ofMinutes(1));
		this.dingTalk.clearJournal();

		post("msgReads" + code + "==", "已读 " + code);
		assertThat(awaitOne(DingTalkSimulator.SESSION_REPLY).body()).contains("已读 1/31", "韩调度", "陈静");

		this.dingTalk.clearJournal();
		post("msgRecall" + code + "==", "撤回 " + code);
		assertThat(awaitOne(DingTalkSimulator.SESSION_REPLY).body()).contains("已撤回警令 " + code);
		Recorded recall = awaitOne(DingTalkSimulator.WORK_NOTICE_RECALL);
		assertThat(recall.json().path("msg_task_id").asText()).isEqualTo(this.jdbc
			.queryForObject("SELECT platform_ref FROM tracked_message WHERE order_code = ?", String.class, code));

		at(Duration.ofMinutes(35));
		assertThat(dingsFor(code)).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM escalation_action WHERE order_code = ?",
				Integer.class, code))
			.isZero();
	}

	@Test
	void sendsAnSmsInsteadWhenTheTenantCannotDingAndSaysSoInTheReport() throws Exception {
		Map<String, Duration> readers = new HashMap<>();
		this.jdbc.queryForList("SELECT user_id FROM officer", String.class)
			.stream()
			.filter((userId) -> !NEVER_READ.contains(userId))
			.forEach((userId) -> readers.put(userId, Duration.ofSeconds(30)));
		this.dingTalk.setReadingProfile(ReadingProfile.of(readers));
		this.dingTalk.setDingAvailable(false);
		String code = postUrgentOrderToEveryone();
		awaitOne(DingTalkSimulator.WORK_NOTICE_SEND);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM tracked_message WHERE order_code = ?",
					Integer.class, code) == 1);
		this.sentAt = this.clock.instant();

		at(Duration.ofMinutes(3));
		await().atMost(Duration.ofSeconds(10)).until(() -> smsFor(code).size() == 1);
		assertThat(smsFor(code).get(0).param("PhoneNumbers").split(","))
			.containsExactlyInAnyOrderElementsOf(phonesOf(NEVER_READ));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc
				.queryForList("SELECT DISTINCT outcome FROM escalation_action WHERE order_code = ?" + " AND step = 1",
						String.class, code)
				.equals(List.of("FALLBACK_SMS_SENT")));
		assertThat(this.dingTalk.recorded(DingTalkSimulator.SEND_USERS)).isEmpty();

		at(Duration.ofMinutes(30));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.dingTalk.recorded(DingTalkSimulator.SEND_GROUP)
				.stream()
				.anyMatch((call) -> call.body().contains("仍有人未读") && call.body().contains(code)));
		String report = this.dingTalk.recorded(DingTalkSimulator.SEND_GROUP)
			.stream()
			.filter((call) -> call.body().contains(code))
			.findFirst()
			.orElseThrow()
			.json()
			.path("msgParam")
			.asText();
		assertThat(new ObjectMapper().readTree(report).path("text").asText())
			.contains("第 1 步 DING 4 人（租户无 DING 或额度不足，已改发短信）");
	}

	@Test
	void theNormalPolicyDingsOnlyTheUnreadWhoAreOnDuty() {
		this.dingTalk.setReadingProfile(ReadingProfile.never());
		String msgId = "msgNormal" + this.clock.instant().toEpochMilli() + "==";
		post(msgId, "警令 全体 明早 8:00 交接班");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM tracked_message m JOIN dispatch_order o"
					+ " ON o.code = m.order_code JOIN inbox_event i ON o.source_event_id = i.id"
					+ " WHERE i.platform_msg_id = ?", Integer.class, msgId) == 1);
		String code = this.jdbc.queryForObject("SELECT o.code FROM dispatch_order o JOIN inbox_event i"
				+ " ON o.source_event_id = i.id WHERE i.platform_msg_id = ?", String.class, msgId);
		assertThat(this.jdbc.queryForObject("SELECT policy FROM dispatch_order WHERE code = ?", String.class, code))
			.isEqualTo("normal");
		this.sentAt = this.jdbc
			.queryForObject("SELECT sent_at FROM tracked_message WHERE order_code = ?", Timestamp.class, code)
			.toInstant();

		at(Duration.ofMinutes(30));
		await().atMost(Duration.ofSeconds(10)).until(() -> dingsFor(code).size() == 1);
		assertThat(dingsFor(code).get(0).json().path("receiverUserIdList")).extracting(JsonNode::asText)
			.hasSize(27)
			.doesNotContain("demo-dispatcher", "dispatcher02", "leader01", "leader02")
			.contains("officer01", "officer27");
	}

	private String postUrgentOrderToEveryone() {
		String msgId = "msgUrgent" + this.clock.instant().toEpochMilli() + "==";
		post(msgId, "警令 紧急 全体 今晚 20:00 全员到岗");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_order o JOIN inbox_event i"
					+ " ON o.source_event_id = i.id WHERE i.platform_msg_id = ?", Integer.class, msgId) == 1);
		String code = this.jdbc.queryForObject("SELECT code FROM dispatch_order o JOIN inbox_event i"
				+ " ON o.source_event_id = i.id WHERE i.platform_msg_id = ?", String.class, msgId);
		assertThat(this.jdbc.queryForObject("SELECT policy FROM dispatch_order WHERE code = ?", String.class, code))
			.isEqualTo("urgent");
		return code;
	}

	private void post(String msgId, String text) {
		String callback = RobotCallbackSamples.message(msgId, "demo-dispatcher", text, this.clock);
		assertThat(
				new Http(this.port).post("/callbacks/dingtalk/robot", callback, RobotCallbackSamples.signed(this.clock))
					.statusCode())
			.isEqualTo(200);
	}

	/**
	 * Moves the clock to that long after sending and runs what is due, as the tick would.
	 */
	private void at(Duration sinceSent) {
		Instant target = this.sentAt.plus(sinceSent);
		this.clock.advance(Duration.between(this.clock.instant(), target));
		this.dueWork.runDue();
	}

	private List<Recorded> dingsFor(String code) {
		return this.dingTalk.recorded(DingTalkSimulator.DING)
			.stream()
			.filter((call) -> call.body().contains(code))
			.toList();
	}

	private List<io.jingling.connectors.sms.sim.Recorded> smsFor(String code) {
		return this.sms.recorded(AliyunSmsSimulator.SEND_SMS)
			.stream()
			.filter((call) -> call.param("TemplateParam").contains(code) && "OK".equals(call.answerCode()))
			.toList();
	}

	private List<String> unreadIn(String code) {
		return this.jdbc.queryForList("SELECT r.user_id FROM tracked_recipient r JOIN tracked_message m"
				+ " ON m.id = r.tracked_id WHERE m.order_code = ? AND r.read_at IS NULL", String.class, code);
	}

	private List<String> phonesOf(List<String> userIds) {
		return userIds.stream()
			.map((userId) -> this.jdbc.queryForObject("SELECT phone FROM officer WHERE user_id = ?", String.class,
					userId))
			.toList();
	}

	private Recorded awaitOne(String path) {
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.dingTalk.recorded(path).isEmpty());
		List<Recorded> recorded = this.dingTalk.recorded(path);
		assertThat(recorded).hasSize(1);
		return recorded.get(0);
	}

}
