package io.jingling.connectors.sms.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.TransientConnectorException;
import io.jingling.connectors.sms.sim.AliyunSmsSimulator;
import io.jingling.connectors.sms.sim.Recorded;
import io.jingling.connectors.sms.sim.SimulatedSms;
import io.jingling.connectors.sms.sim.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdkSmsClientTest {

	static final String ACCESS_KEY_ID = "LTAI5tJinglingTestKey";

	static final String ACCESS_KEY_SECRET = "JinglingTestSecret0000000000000";

	static final String SIGN = "某县公安局";

	static final String ASSIST = "SMS_460000001";

	static final SmsTemplates TEMPLATES = SmsTemplates.of(List.of(new SmsTemplate(ASSIST, List.of("code"))));

	private static final SmsMessage ASSIST_REQUEST = new SmsMessage(List.of("13800138000", "+8613900139000"), ASSIST,
			Map.of("code", "XC-20261130-007"), "ob-000123");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TestClock clock = new TestClock(Instant.now());

	private static AliyunSmsSimulator sim;

	private SdkSmsClient client;

	@BeforeAll
	static void startSimulator() {
		sim = AliyunSmsSimulator.start(ACCESS_KEY_ID, ACCESS_KEY_SECRET, clock);
		sim.approveSignName(SIGN);
		sim.approveTemplate(ASSIST, List.of("code"));
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@BeforeEach
	void newClient() {
		sim.reset();
		this.client = new SdkSmsClient(settings(sim.baseUrl(), ACCESS_KEY_SECRET, SIGN), TEMPLATES);
	}

	@Test
	void sendsExactlyTheParametersOfTheMessage() throws Exception {
		SmsSent sent = this.client.send(ASSIST_REQUEST);

		assertThat(sent.bizId()).matches("\\d+\\^0");
		assertThat(sent.requestId()).isNotBlank();
		Recorded send = sim.recorded(AliyunSmsSimulator.SEND_SMS).get(0);
		assertThat(send.query()).containsOnlyKeys("PhoneNumbers", "SignName", "TemplateCode", "TemplateParam", "OutId")
			.containsEntry("PhoneNumbers", "13800138000,13900139000")
			.containsEntry("SignName", SIGN)
			.containsEntry("TemplateCode", ASSIST)
			.containsEntry("OutId", "ob-000123");
		assertThat(JSON.readTree(send.param("TemplateParam")))
			.isEqualTo(JSON.readTree("{\"code\":\"XC-20261130-007\"}"));
		assertThat(send.form()).isEmpty();
		assertThat(send.headers()).containsEntry("x-acs-version", "2017-05-25").containsKey("Authorization");
		assertThat(send.headers().get("Authorization"))
			.startsWith("ACS3-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + ",");
		assertThat(sim.accepted()).singleElement().satisfies((sms) -> {
			assertThat(sms.bizId()).isEqualTo(sent.bizId());
			assertThat(sms.phoneNumbers()).containsExactly("13800138000", "13900139000");
			assertThat(sms.params()).isEqualTo(Map.of("code", "XC-20261130-007"));
			assertThat(sms.signName()).isEqualTo(SIGN);
			assertThat(sms.outId()).isEqualTo("ob-000123");
			assertThat(sms.sentAt()).isEqualTo(clock.instant());
		});
	}

	@Test
	void sendsABatchWithTheSignForEveryNumber() throws Exception {
		SmsSent sent = this.client.sendBatch(new SmsBatchMessage(List.of("13800138000", "13900139000"), ASSIST,
				List.of(Map.of("code", "XC-20261130-007"), Map.of("code", "XC-20261130-008")), "ob-000124"));

		Recorded batch = sim.recorded(AliyunSmsSimulator.SEND_BATCH_SMS).get(0);
		assertThat(batch.query()).containsEntry("TemplateCode", ASSIST).containsEntry("OutId", "ob-000124");
		assertThat(batch.form()).containsOnlyKeys("PhoneNumberJson", "SignNameJson", "TemplateParamJson");
		assertThat(JSON.readTree(batch.param("PhoneNumberJson")))
			.isEqualTo(JSON.readTree("[\"13800138000\",\"13900139000\"]"));
		assertThat(JSON.readTree(batch.param("SignNameJson"))).isEqualTo(JSON.readTree("[\"某县公安局\",\"某县公安局\"]"));
		assertThat(JSON.readTree(batch.param("TemplateParamJson")))
			.isEqualTo(JSON.readTree("[{\"code\":\"XC-20261130-007\"},{\"code\":\"XC-20261130-008\"}]"));
		assertThat(sim.accepted()).extracting(SimulatedSms::bizId).containsExactly(sent.bizId(), sent.bizId());
	}

	@Test
	void aWrongSecretIsRefusedAsASignatureMismatch() {
		SdkSmsClient forged = new SdkSmsClient(settings(sim.baseUrl(), "NotTheSecret000000000000000000", SIGN),
				TEMPLATES);

		assertThatThrownBy(() -> forged.send(ASSIST_REQUEST))
			.isInstanceOfSatisfying(PermanentConnectorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("SignatureDoesNotMatch"))
			.hasMessageStartingWith("Aliyun SMS send failed with SignatureDoesNotMatch (HTTP 400, request ");
		assertThat(sim.recorded(AliyunSmsSimulator.SEND_SMS)).singleElement()
			.satisfies((send) -> assertThat(send.status()).isEqualTo(400));
		assertThat(sim.accepted()).isEmpty();
	}

	@Test
	void anUnknownAccessKeyIsPermanent() {
		SdkSmsClient stranger = new SdkSmsClient(
				new SmsSettings(sim.baseUrl(), "LTAI5tSomebodyElse", ACCESS_KEY_SECRET, SIGN, Duration.ofSeconds(5)),
				TEMPLATES);

		assertThatThrownBy(() -> stranger.send(ASSIST_REQUEST)).isInstanceOfSatisfying(
				PermanentConnectorException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("InvalidAccessKeyId.NotFound"));
	}

	@Test
	void aClockMoreThanFifteenMinutesOffIsRefused() {
		clock.advance(Duration.ofMinutes(16));
		try {
			assertThatThrownBy(() -> this.client.send(ASSIST_REQUEST)).isInstanceOfSatisfying(
					PermanentConnectorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("InvalidTimeStamp.Expired"));
		}
		finally {
			clock.advance(Duration.ofMinutes(-16));
		}
		assertThat(sim.accepted()).isEmpty();
	}

	@Test
	void aBadTemplateParameterIsRefusedBeforeAnyRequest() {
		SmsMessage tooLong = new SmsMessage(List.of("13800138000"), ASSIST, Map.of("code", "x".repeat(36)), "ob-1");
		SmsMessage unknown = new SmsMessage(List.of("13800138000"), "SMS_999", Map.of("code", "x"), "ob-1");
		SmsBatchMessage missing = new SmsBatchMessage(List.of("13800138000", "13900139000"), ASSIST,
				List.of(Map.of("code", "x"), Map.of()), "ob-1");

		assertThatThrownBy(() -> this.client.send(tooLong)).isInstanceOfSatisfying(PermanentConnectorException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("template.parameters"));
		assertThatThrownBy(() -> this.client.send(unknown)).isInstanceOfSatisfying(PermanentConnectorException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("template.unknown"));
		assertThatThrownBy(() -> this.client.sendBatch(missing)).isInstanceOfSatisfying(
				PermanentConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("template.parameters"));
		assertThat(sim.recorded(AliyunSmsSimulator.SEND_SMS)).isEmpty();
		assertThat(sim.recorded(AliyunSmsSimulator.SEND_BATCH_SMS)).isEmpty();
	}

	@Test
	void aThousandAndOneNumbersAreRefusedBeforeAnyRequest() {
		List<String> numbers = IntStream.range(0, 1001).mapToObj((i) -> String.valueOf(13800000000L + i)).toList();

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.send(new SmsMessage(numbers, ASSIST, Map.of("code", "x"), "ob-1")));
		assertThat(sim.recorded(AliyunSmsSimulator.SEND_SMS)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "isv.MOBILE_NUMBER_ILLEGAL", "isv.MOBILE_COUNT_OVER_LIMIT", "isv.TEMPLATE_MISSING_PARAMETERS",
					"isv.INVALID_JSON_PARAM", "isv.INVALID_PARAMETERS", "isv.PARAM_LENGTH_LIMIT",
					"isv.PARAM_NOT_SUPPORT_URL", "isv.SMS_TEMPLATE_ILLEGAL", "isv.SMS_SIGNATURE_ILLEGAL",
					"isv.SMS_SIGNATURE_SCENE_ILLEGAL", "isv.BLACK_KEY_CONTROL_LIMIT", "isv.SMS_CONTENT_ILLEGAL",
					"isp.RAM_PERMISSION_DENY", "isv.DENY_IP_RANGE", "SignatureNonceUsed", "MissingPhoneNumbers" })
	void refusedRequestsArePermanent(String code) {
		sim.failNext(code, 1);

		assertThatThrownBy(() -> this.client.send(ASSIST_REQUEST))
			.isExactlyInstanceOf(PermanentConnectorException.class)
			.satisfies((ex) -> assertThat(SmsErrors.needsAdmin((PermanentConnectorException) ex)).isFalse())
			.hasMessageContaining(code);
		assertThat(sim.recorded(AliyunSmsSimulator.SEND_SMS)).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE", "isv.DAY_LIMIT_CONTROL",
			"isv.MONTH_LIMIT_CONTROL" })
	void accountProblemsArePermanentAndNeedAnAdmin(String code) {
		sim.failNext(code, 1);

		assertThatThrownBy(() -> this.client.send(ASSIST_REQUEST)).isInstanceOfSatisfying(
				PermanentConnectorException.class, (ex) -> assertThat(SmsErrors.needsAdmin(ex)).isTrue());
	}

	@ParameterizedTest
	@ValueSource(strings = { "isp.SYSTEM_ERROR", "InternalError", "ServiceUnavailable" })
	void platformErrorsAreTransient(String code) {
		sim.failNext(code, 1);

		assertThatThrownBy(() -> this.client.send(ASSIST_REQUEST))
			.isExactlyInstanceOf(TransientConnectorException.class)
			.hasMessageContaining(code);
		assertThat(sim.recorded(AliyunSmsSimulator.SEND_SMS)).hasSize(1); // no SDK retry
	}

	@Test
	void qpsThrottlingWaitsASecond() {
		sim.failNext("Throttling.User", 1);

		assertThatThrownBy(() -> this.client.send(ASSIST_REQUEST)).isInstanceOfSatisfying(
				ThrottledConnectorException.class, (ex) -> assertThat(ex.backoff()).isEqualTo(Duration.ofSeconds(1)));
	}

	@Test
	void aFrequencyLimitWaitsForTheWindowItNames() {
		sim.failNext("isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控Permits:1", 1);

		assertThatThrownBy(() -> this.client.send(ASSIST_REQUEST)).isInstanceOfSatisfying(
				ThrottledConnectorException.class, (ex) -> assertThat(ex.backoff()).isEqualTo(Duration.ofMinutes(1)));
	}

	@Test
	void theFiftyFirstNoticeOfTheDayIsThrottledForADay() {
		SmsMessage one = new SmsMessage(List.of("13800138000"), ASSIST, Map.of("code", "XC-1"), "ob-1");
		for (int i = 0; i < 50; i++) {
			this.client.send(one);
		}

		assertThatThrownBy(() -> this.client.send(one)).isInstanceOfSatisfying(ThrottledConnectorException.class,
				(ex) -> {
					assertThat(ex.code()).isEqualTo("isv.BUSINESS_LIMIT_CONTROL");
					assertThat(ex.backoff()).isEqualTo(Duration.ofHours(24));
				});
		assertThat(sim.accepted()).hasSize(50);
	}

	@Test
	void anUnapprovedSignIsPermanent() {
		SdkSmsClient unapproved = new SdkSmsClient(settings(sim.baseUrl(), ACCESS_KEY_SECRET, "某某科技"), TEMPLATES);

		assertThatThrownBy(() -> unapproved.send(ASSIST_REQUEST)).isInstanceOfSatisfying(
				PermanentConnectorException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("isv.SMS_SIGNATURE_ILLEGAL"));
		assertThat(sim.accepted()).isEmpty();
	}

	@Test
	void anEmptyBalanceNeedsAnAdmin() {
		sim.setBalance(1);

		assertThatThrownBy(() -> this.client.send(ASSIST_REQUEST))
			.isInstanceOfSatisfying(PermanentConnectorException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo("isv.AMOUNT_NOT_ENOUGH");
				assertThat(SmsErrors.needsAdmin(ex)).isTrue();
			});
	}

	@Test
	void noAnswerIsTransient() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		SdkSmsClient unreachable = new SdkSmsClient(
				settings(URI.create("http://127.0.0.1:" + closedPort), ACCESS_KEY_SECRET, SIGN), TEMPLATES);

		assertThatThrownBy(() -> unreachable.send(ASSIST_REQUEST))
			.isInstanceOfSatisfying(TransientConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("io"));
	}

	@Test
	void aTimeoutIsTransient() throws IOException {
		try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			SdkSmsClient slow = new SdkSmsClient(
					new SmsSettings(URI.create("http://127.0.0.1:" + silent.getLocalPort()), ACCESS_KEY_ID,
							ACCESS_KEY_SECRET, SIGN, Duration.ofMillis(300)),
					TEMPLATES);

			assertThatThrownBy(() -> slow.send(ASSIST_REQUEST))
				.isInstanceOfSatisfying(TransientConnectorException.class,
						(ex) -> assertThat(ex.code()).isEqualTo("io"))
				.hasMessageContaining("Timeout");
		}
	}

	@Test
	void readsEveryPageOfDetails() {
		SmsMessage one = new SmsMessage(List.of("13800138000"), ASSIST, Map.of("code", "XC-1"), "ob-1");
		sim.setDailyLimit(200);
		for (int i = 0; i < 120; i++) {
			this.client.send(one);
		}
		String firstBizId = sim.accepted().get(0).bizId();
		sim.deliver(firstBizId, "13800138000", true);

		List<SmsDetail> details = this.client.details("+8613800138000", today(), null);

		assertThat(details).hasSize(120);
		assertThat(details.get(0).sendStatus()).isEqualTo(SmsDetail.DELIVERED);
		assertThat(details.get(0).errCode()).isEqualTo("DELIVERED");
		assertThat(details.get(1).sendStatus()).isEqualTo(SmsDetail.WAITING);
		assertThat(details).allSatisfy((detail) -> {
			assertThat(detail.phoneNumber()).isEqualTo("13800138000");
			assertThat(detail.outId()).isEqualTo("ob-1");
		});
		assertThat(sim.recorded(AliyunSmsSimulator.QUERY_SEND_DETAILS))
			.extracting((query) -> query.param("CurrentPage"))
			.containsExactly("1", "2", "3");
		assertThat(sim.recorded(AliyunSmsSimulator.QUERY_SEND_DETAILS)).allSatisfy((query) -> {
			assertThat(query.param("PageSize")).isEqualTo("50");
			assertThat(query.param("PhoneNumber")).isEqualTo("13800138000");
			assertThat(query.param("SendDate"))
				.isEqualTo(today().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
		});
	}

	@Test
	void narrowsDetailsToOneSend() {
		SmsSent first = this.client.send(ASSIST_REQUEST);
		this.client.send(ASSIST_REQUEST);
		sim.deliver(first.bizId(), "13900139000", false);

		List<SmsDetail> details = this.client.details("13900139000", today(), first.bizId());

		assertThat(details).singleElement().satisfies((detail) -> {
			assertThat(detail.sendStatus()).isEqualTo(SmsDetail.FAILED);
			assertThat(detail.errCode()).isEqualTo("MK:0001");
			assertThat(detail.receiveDate()).isNotEmpty();
		});
		assertThat(sim.recorded(AliyunSmsSimulator.QUERY_SEND_DETAILS)).singleElement()
			.satisfies((query) -> assertThat(query.param("BizId")).isEqualTo(first.bizId()));
	}

	@Test
	void detailsOlderThanThirtyDaysAreRefused() {
		assertThatThrownBy(() -> this.client.details("13800138000", today().minusDays(31), null))
			.isInstanceOfSatisfying(PermanentConnectorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("isv.INVALID_PARAMETERS"));
	}

	static SmsSettings settings(URI endpoint, String secret, String sign) {
		return new SmsSettings(endpoint, ACCESS_KEY_ID, secret, sign, Duration.ofSeconds(5));
	}

	private static LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
	}

}
