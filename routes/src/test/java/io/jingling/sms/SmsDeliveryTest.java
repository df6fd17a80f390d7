package io.jingling.sms;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jingling.connectors.sms.sim.AliyunSmsSimulator;
import io.jingling.connectors.sms.sim.Recorded;
import io.jingling.outbox.Outbox;
import io.jingling.outbox.SmsFrequency;
import io.jingling.outbox.SmsPlan;
import io.jingling.support.Http;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SMS through the outbox against the Aliyun simulator: splitting, per-number limits,
 * parameters checked before any call, receipts pushed twice, and replies becoming tips.
 */
@HubTest
class SmsDeliveryTest {

	private static final String TEMPLATE = "SMS_490000001";

	private static final String TOKEN = "jingling-demo-sms-push-token";

	private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

	@Autowired
	AliyunSmsSimulator sms;

	@Autowired
	Outbox outbox;

	@Autowired
	SmsFrequency frequency;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofMinutes(1));
		this.sms.clearJournal();
		this.logs.start();
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(this.logs);
	}

	@AfterEach
	void noPhoneNumberInAnyLogLine() {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this.logs);
		assertThat(this.logs.list).extracting(ILoggingEvent::getFormattedMessage)
			.noneMatch((line) -> MOBILE.matcher(line).find());
	}

	@Test
	void splitsTwoThousandFiveHundredNumbersIntoCallsOfAtMostAThousand() {
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 2500; i++) {
			numbers.add(String.format("1370%07d", i));
		}
		this.transaction.executeWithoutResult((status) -> numbers
			.forEach((number) -> this.outbox.sms("sms-test-bulk", this.frequency.phoneKey(number),
					new SmsPlan(number, TEMPLATE, Map.of("code", "JL-20261130-900"), null))));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM outbox WHERE action_key = 'sms-test-bulk' AND status = 'SENT'",
					Integer.class) == 2500);
		List<Recorded> calls = this.sms.recorded(AliyunSmsSimulator.SEND_SMS);
		assertThat(calls).extracting(Recorded::answerCode).containsOnly("OK");
		assertThat(calls).extracting((call) -> call.param("PhoneNumbers").split(",").length)
			.containsExactlyInAnyOrder(1000, 1000, 500);
		assertThat(calls.stream().flatMap((call) -> Arrays.stream(call.param("PhoneNumbers").split(","))).toList())
			.containsExactlyInAnyOrderElementsOf(numbers);
		assertThat(calls).extracting((call) -> call.param("OutId")).doesNotHaveDuplicates();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM sms_sent s JOIN outbox o ON o.id = s.outbox_id"
				+ " WHERE o.action_key = 'sms-test-bulk' AND s.biz_id IS NOT NULL", Integer.class))
			.isEqualTo(2500);
	}

	@Test
	void defersANumberOverItsDailyLimitInsteadOfSendingIt() {
		String over = "13812340001";
		String key = this.frequency.phoneKey(over);
		Instant now = this.clock.instant();
		this.jdbc.update(
				"INSERT INTO outbox (action_key, recipient, operation, payload, status, created_at,"
						+ " next_attempt_at) VALUES ('sms-test-earlier', ?, 'SMS', '{}', 'SENT', ?, ?)",
				"sms:" + key, Timestamp.from(now), Timestamp.from(now));
		long anchor = this.jdbc.queryForObject("SELECT id FROM outbox WHERE action_key = 'sms-test-earlier'",
				Long.class);
		for (int i = 0; i < 50; i++) {
			this.jdbc.update(
					"INSERT INTO sms_sent (out_id, phone_key, template_code, outbox_id, accepted_at)"
							+ " VALUES (?, ?, ?, ?, ?)",
					"earlier-" + now.toEpochMilli() + "-" + i, key, TEMPLATE, anchor,
					Timestamp.from(now.minus(Duration.ofHours(23)).plus(Duration.ofMinutes(i))));
		}
		this.transaction.executeWithoutResult((status) -> {
			this.outbox.sms("sms-test-quota", key,
					new SmsPlan(over, TEMPLATE, Map.of("code", "JL-20261130-901"), null));
			this.outbox.sms("sms-test-quota", this.frequency.phoneKey("13812340002"),
					new SmsPlan("13812340002", TEMPLATE, Map.of("code", "JL-20261130-901"), null));
		});

		await().atMost(Duration.ofSeconds(10)).until(() -> this.sms.recorded(AliyunSmsSimulator.SEND_SMS).size() == 1);
		assertThat(this.sms.recorded(AliyunSmsSimulator.SEND_SMS).get(0).param("PhoneNumbers"))
			.isEqualTo("13812340002");
		var deferred = this.jdbc.queryForMap(
				"SELECT status, last_error, next_attempt_at FROM outbox WHERE action_key = 'sms-test-quota' AND recipient = ?",
				"sms:" + key);
		assertThat(deferred).containsEntry("STATUS", "NEW").containsEntry("LAST_ERROR", "sms.frequency");
		assertThat(((OffsetDateTime) deferred.get("NEXT_ATTEMPT_AT")).toInstant())
			.isEqualTo(now.plus(Duration.ofHours(1)));
	}

	@Test
	void refusesABadTemplateParameterBeforeAnyCall() {
		this.transaction.executeWithoutResult(
				(status) -> this.outbox.sms("sms-test-bad-param", this.frequency.phoneKey("13812340003"),
						new SmsPlan("13812340003", TEMPLATE, Map.of("code", "JL-20261130-902", "extra", "x"), null)));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> "DEAD".equals(this.jdbc
				.queryForObject("SELECT status FROM outbox WHERE action_key = 'sms-test-bad-param'", String.class)));
		assertThat(this.jdbc.queryForObject("SELECT d.code FROM dead_letter d JOIN outbox o ON o.id = d.outbox_id"
				+ " WHERE o.action_key = 'sms-test-bad-param'", String.class))
			.isEqualTo("template.parameters");
		assertThat(this.sms.recorded(AliyunSmsSimulator.SEND_SMS)).isEmpty();
	}

	@Test
	void keepsTheFirstReceiptAndIgnoresDuplicatesAndWrongTokens() {
		String number = "13812340004";
		this.transaction
			.executeWithoutResult((status) -> this.outbox.sms("sms-test-receipt", this.frequency.phoneKey(number),
					new SmsPlan(number, TEMPLATE, Map.of("code", "JL-20261130-903"), null)));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.sms.recorded(AliyunSmsSimulator.SEND_SMS).size() == 1);
		String bizId = this.sms.accepted()
			.stream()
			.filter((message) -> message.phoneNumbers().contains(number))
			.findFirst()
			.orElseThrow()
			.bizId();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM sms_sent WHERE biz_id = ?", Integer.class,
					bizId) == 1);

		this.sms.deliver(bizId, number, true);
		assertThat(this.sms.pushReceipts(url("wrong-token", "report"), false)).isEqualTo(404);
		assertThat(receipt(bizId)).containsEntry("RECEIPT", null);

		assertThat(this.sms.pushReceipts(url(TOKEN, "report"), true)).isEqualTo(200);
		var first = receipt(bizId);
		assertThat(first).containsEntry("RECEIPT", "DELIVERED").containsEntry("RECEIPT_CODE", "DELIVERED");

		this.clock.advance(Duration.ofMinutes(5));
		this.sms.deliver(bizId, number, false);
		assertThat(this.sms.pushReceipts(url(TOKEN, "report"), false)).isEqualTo(200);
		assertThat(receipt(bizId)).isEqualTo(first);
	}

	@Test
	void anSmsReplyBecomesATipFromAPseudonymousMember() {
		String number = "13812340005";
		int tipsBefore = this.jdbc.queryForObject("SELECT COUNT(*) FROM tip", Integer.class);

		assertThat(this.sms.pushReply(url(TOKEN, "up"), number, "东门旅馆303有可疑人员")).isEqualTo(200);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM tip", Integer.class) == tipsBefore + 1);
		var tip = this.jdbc.queryForMap("SELECT t.content, m.pseudonym FROM tip t JOIN member m ON m.id = t.member_id"
				+ " ORDER BY t.received_at DESC, t.code DESC FETCH FIRST 1 ROWS ONLY");
		assertThat(tip).containsEntry("CONTENT", "东门旅馆303有可疑人员");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.sms.accepted().stream().anyMatch((message) -> message.phoneNumbers().contains(number)));
		var ack = this.sms.accepted()
			.stream()
			.filter((message) -> message.phoneNumbers().contains(number))
			.findFirst()
			.orElseThrow();
		assertThat(ack.templateCode()).isEqualTo("SMS_490000002");
		assertThat(ack.params()).containsEntry("code",
				this.jdbc.queryForObject(
						"SELECT t.code FROM tip t JOIN member m ON m.id = t.member_id WHERE t.content = ?",
						String.class, "东门旅馆303有可疑人员"));
		assertThat((String) tip.get("PSEUDONYM")).doesNotContain(number);
		assertThat(new Http(this.port).post("/callbacks/sms/" + TOKEN + "/up", "not json", Map.of()).statusCode())
			.isEqualTo(400);
	}

	private Map<String, Object> receipt(String bizId) {
		return this.jdbc.queryForMap("SELECT receipt, receipt_code, receipt_at FROM sms_sent WHERE biz_id = ?", bizId);
	}

	private URI url(String token, String kind) {
		return URI.create("http://127.0.0.1:" + this.port + "/callbacks/sms/" + token + "/" + kind);
	}

}
