package io.jingling.connectors.sms.sim;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jingling.connectors.sms.sim.SignedRequest.Answered;

import static org.assertj.core.api.Assertions.assertThat;

class AliyunSmsSimulatorTest {

	static final String ACCESS_KEY_ID = "LTAI5tJinglingTestKey";

	static final String ACCESS_KEY_SECRET = "JinglingTestSecret0000000000000";

	private static final String SIGN = "某县公安局";

	private static final String ASSIST = "SMS_460000001";

	private static final Instant START = Instant.parse("2026-11-30T03:00:00Z");

	private static final TestClock clock = new TestClock(START);

	private static AliyunSmsSimulator sim;

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
	void resetSimulator() {
		clock.set(START);
		sim.reset();
	}

	@Test
	void acceptsASignedSendAndRemembersIt() throws Exception {
		Answered answer = sendSms("13800138000,+8613900139000", "{\"code\":\"XC-007\"}").query("OutId", "ob-1").send();

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.code()).isEqualTo("OK");
		assertThat(answer.body().path("BizId").asText()).matches("\\d+\\^0");
		assertThat(answer.body().path("RequestId").asText()).isNotBlank();
		assertThat(sim.accepted()).singleElement()
			.isEqualTo(new SimulatedSms(answer.body().path("BizId").asText(), "ob-1",
					List.of("13800138000", "13900139000"), ASSIST, Map.of("code", "XC-007"), SIGN, clock.instant()));
		assertThat(sim.recorded(AliyunSmsSimulator.SEND_SMS)).singleElement().satisfies((recorded) -> {
			assertThat(recorded.param("PhoneNumbers")).isEqualTo("13800138000,+8613900139000");
			assertThat(recorded.param("SignName")).isEqualTo(SIGN);
			assertThat(recorded.status()).isEqualTo(200);
			assertThat(recorded.answerCode()).isEqualTo("OK");
		});
	}

	@Test
	void routesOnlyKnownActionsOfThisVersion() throws Exception {
		assertNotFound(new SignedRequest(sim.baseUrl(), "SendSmsNow", clock.instant()).send());
		assertNotFound(sendSms("13800138000", "{\"code\":\"x\"}").version("2017-05-24").send());
		assertNotFound(sendSms("13800138000", "{\"code\":\"x\"}").method("PUT").send());
		assertThat(sim.accepted()).isEmpty();
	}

	@Test
	void refusesAnUnsignedRequest() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/?PhoneNumbers=13800138000"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.header("x-acs-action", "SendSms")
				.header("x-acs-version", "2017-05-25")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("\"Code\":\"IncompleteSignature\"");
	}

	@Test
	void refusesAnUnknownAccessKey() throws Exception {
		Answered answer = sendSms("13800138000", "{\"code\":\"x\"}").key("LTAI5tSomebodyElse", ACCESS_KEY_SECRET)
			.send();

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.code()).isEqualTo("InvalidAccessKeyId.NotFound");
	}

	@Test
	void refusesATamperedQuery() throws Exception {
		Answered answer = sendSms("13800138000", "{\"code\":\"x\"}").sendQuery(Map.of("PhoneNumbers", "13900139000",
				"SignName", SIGN, "TemplateCode", ASSIST, "TemplateParam", "{\"code\":\"x\"}"))
			.send();

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("SignatureDoesNotMatch");
		assertThat(sim.accepted()).isEmpty();
	}

	@Test
	void refusesABodyThatIsNotWhatItsHashSays() throws Exception {
		Answered answer = batch("[\"13800138000\"]", "[\"" + SIGN + "\"]", "[{\"code\":\"x\"}]")
			.claimBodyHash(Acs3Signature.sha256Hex(new byte[0]))
			.send();

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("SignatureDoesNotMatch");
	}

	@Test
	void refusesADateMoreThanFifteenMinutesOff() throws Exception {
		assertThat(sendSms("13800138000", "{\"code\":\"x\"}").date(clock.instant().minus(Duration.ofMinutes(14)))
			.send()
			.code()).isEqualTo("OK");
		Answered stale = sendSms("13800138000", "{\"code\":\"x\"}").date(clock.instant().minus(Duration.ofMinutes(16)))
			.send();
		Answered early = sendSms("13800138000", "{\"code\":\"x\"}").date(clock.instant().plus(Duration.ofMinutes(16)))
			.send();

		assertThat(List.of(stale, early)).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.code()).isEqualTo("InvalidTimeStamp.Expired");
		});
	}

	@Test
	void refusesANonceUsedWithinFifteenMinutes() throws Exception {
		String nonce = "0123456789abcdef0123456789abcdef";
		assertThat(sendSms("13800138000", "{\"code\":\"x\"}").nonce(nonce).send().code()).isEqualTo("OK");

		Answered replay = sendSms("13800138000", "{\"code\":\"x\"}").nonce(nonce).send();
		clock.advance(Duration.ofMinutes(16));
		Answered later = sendSms("13800138000", "{\"code\":\"x\"}").nonce(nonce).send();

		assertThat(replay.status()).isEqualTo(400);
		assertThat(replay.code()).isEqualTo("SignatureNonceUsed");
		assertThat(later.code()).isEqualTo("OK");
		assertThat(sim.accepted()).hasSize(2);
	}

	@Test
	void aForgedRequestDoesNotBurnTheNonce() throws Exception {
		String nonce = "fedcba9876543210fedcba9876543210";
		sendSms("13800138000", "{\"code\":\"x\"}").nonce(nonce).key(ACCESS_KEY_ID, "NotTheSecret").send();

		assertThat(sendSms("13800138000", "{\"code\":\"x\"}").nonce(nonce).send().code()).isEqualTo("OK");
	}

	@Test
	void validatesNumbers() throws Exception {
		String thousandAndOne = IntStream.range(0, 1001)
			.mapToObj((i) -> String.valueOf(13800000000L + i))
			.collect(Collectors.joining(","));

		assertBusiness(sendSms(thousandAndOne, "{\"code\":\"x\"}").send(), "isv.MOBILE_COUNT_OVER_LIMIT");
		assertBusiness(sendSms("13800138000,2390013900", "{\"code\":\"x\"}").send(), "isv.MOBILE_NUMBER_ILLEGAL");
		assertThat(sendSms("008613800138000", "{\"code\":\"x\"}").send().code()).isEqualTo("OK");
	}

	@Test
	void validatesSignTemplateAndVariables() throws Exception {
		assertBusiness(sendSms("13800138000", "{\"code\":\"x\"}").query("SignName", "某某科技").send(),
				"isv.SMS_SIGNATURE_ILLEGAL");
		assertBusiness(sendSms("13800138000", "{\"code\":\"x\"}").query("TemplateCode", "SMS_999").send(),
				"isv.SMS_TEMPLATE_ILLEGAL");
		assertBusiness(sendSms("13800138000", "{\"code\":123}").send(), "isv.INVALID_JSON_PARAM");
		assertBusiness(sendSms("13800138000", "code=x").send(), "isv.INVALID_JSON_PARAM");
		assertBusiness(sendSms("13800138000", "{\"case\":\"x\"}").send(), "isv.TEMPLATE_MISSING_PARAMETERS");
		assertBusiness(sendSms("13800138000", "{\"code\":\"" + "x".repeat(36) + "\"}").send(),
				"isv.PARAM_LENGTH_LIMIT");
		assertBusiness(sendSms("13800138000", "{\"code\":\"x\"}").query("OutId", "x".repeat(256)).send(),
				"isv.INVALID_PARAMETERS");
		assertThat(sim.accepted()).isEmpty();
	}

	@Test
	void refusesAMissingMandatoryParameterAsAnHttpError() throws Exception {
		Answered answer = new SignedRequest(sim.baseUrl(), AliyunSmsSimulator.SEND_SMS, clock.instant())
			.query("SignName", SIGN)
			.query("TemplateCode", ASSIST)
			.send();

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("MissingPhoneNumbers");
	}

	@Test
	void validatesBatchArrays() throws Exception {
		String hundredAndOne = IntStream.range(0, 101)
			.mapToObj((i) -> "\"" + (13800000000L + i) + "\"")
			.collect(Collectors.joining(",", "[", "]"));

		assertBusiness(batch(hundredAndOne, "[]", "[]").send(), "isv.MOBILE_COUNT_OVER_LIMIT");
		assertBusiness(
				batch("[\"13800138000\",\"13900139000\"]", "[\"" + SIGN + "\"]", "[{\"code\":\"a\"},{\"code\":\"b\"}]")
					.send(),
				"isv.INVALID_PARAMETERS");
		assertBusiness(
				batch("[\"13800138000\",\"13900139000\"]", "[\"" + SIGN + "\",\"" + SIGN + "\"]", "[{\"code\":\"a\"}]")
					.send(),
				"isv.INVALID_PARAMETERS");
		assertBusiness(batch("[\"13800138000\"]", "[\"" + SIGN + "\"]", "[{\"code\":1}]").send(),
				"isv.INVALID_JSON_PARAM");
		assertBusiness(batch("13800138000", "[\"" + SIGN + "\"]", "[{\"code\":\"a\"}]").send(),
				"isv.INVALID_JSON_PARAM");
		assertBusiness(batch("[\"13800138000\"]", "[\"某某科技\"]", "[{\"code\":\"a\"}]").send(),
				"isv.SMS_SIGNATURE_ILLEGAL");
		assertThat(sim.accepted()).isEmpty();
	}

	@Test
	void remembersABatchAsOneMessagePerNumber() throws Exception {
		Answered answer = batch("[\"13800138000\",\"13900139000\"]", "[\"" + SIGN + "\",\"" + SIGN + "\"]",
				"[{\"code\":\"a\"},{\"code\":\"b\"}]")
			.query("OutId", "ob-2")
			.send();

		String bizId = answer.body().path("BizId").asText();
		assertThat(sim.accepted()).containsExactly(
				new SimulatedSms(bizId, "ob-2", List.of("13800138000"), ASSIST, Map.of("code", "a"), SIGN,
						clock.instant()),
				new SimulatedSms(bizId, "ob-2", List.of("13900139000"), ASSIST, Map.of("code", "b"), SIGN,
						clock.instant()));
	}

	@Test
	void limitsEachNumberPerSignAndTemplateOverARolling24Hours() throws Exception {
		sim.setDailyLimit(2);
		sim.approveTemplate("SMS_460000002", List.of());
		assertThat(sendSms("13800138000", "{\"code\":\"x\"}").send().code()).isEqualTo("OK");
		clock.advance(Duration.ofHours(12));
		assertThat(sendSms("13800138000", "{\"code\":\"x\"}").send().code()).isEqualTo("OK");

		Answered third = sendSms("13900139000,13800138000", "{\"code\":\"x\"}").send();
		Answered otherTemplate = sendSms("13800138000", null).query("TemplateCode", "SMS_460000002").send();
		assertThat(sendSms("13900139000", "{\"code\":\"x\"}").send().code()).isEqualTo("OK");
		clock.advance(Duration.ofHours(12));
		Answered dayLater = sendSms("13800138000", "{\"code\":\"x\"}").send();

		assertBusiness(third, "isv.BUSINESS_LIMIT_CONTROL");
		assertThat(third.message()).isEqualTo("触发天级流控Permits:2");
		assertThat(otherTemplate.code()).isEqualTo("OK");
		assertThat(dayLater.code()).isEqualTo("OK");
	}

	@Test
	void aBalanceRunsOutOnePerNumber() throws Exception {
		sim.setBalance(3);
		assertThat(sendSms("13800138000,13900139000", "{\"code\":\"x\"}").send().code()).isEqualTo("OK");

		Answered tooMany = sendSms("13800138000,13900139000", "{\"code\":\"x\"}").send();
		Answered last = sendSms("13800138000", "{\"code\":\"x\"}").send();
		Answered empty = sendSms("13800138000", "{\"code\":\"x\"}").send();

		assertBusiness(tooMany, "isv.AMOUNT_NOT_ENOUGH");
		assertThat(last.code()).isEqualTo("OK");
		assertBusiness(empty, "isv.AMOUNT_NOT_ENOUGH");
	}

	@Test
	void failNextAnswersTheCodeThenServesAgain() throws Exception {
		sim.failNext("isp.SYSTEM_ERROR", 1);
		sim.failNext("Throttling.User", 1);

		Answered busy = sendSms("13800138000", "{\"code\":\"x\"}").send();
		Answered throttled = sendSms("13800138000", "{\"code\":\"x\"}").send();
		Answered served = sendSms("13800138000", "{\"code\":\"x\"}").send();

		assertThat(busy.status()).isEqualTo(200);
		assertThat(busy.code()).isEqualTo("isp.SYSTEM_ERROR");
		assertThat(throttled.status()).isEqualTo(400);
		assertThat(throttled.code()).isEqualTo("Throttling.User");
		assertThat(served.code()).isEqualTo("OK");
		assertThat(sim.accepted()).hasSize(1);
	}

	@Test
	void answersDetailsFromStateWithStatusAndPages() throws Exception {
		String bizId = sendSms("13800138000", "{\"code\":\"x\"}").query("OutId", "ob-1")
			.send()
			.body()
			.path("BizId")
			.asText();
		sendSms("13800138000", "{\"code\":\"y\"}").query("OutId", "ob-2").send();
		sim.deliver(bizId, "+8613800138000", true);

		Answered firstPage = details("13800138000", "20261130", "1", "1").send();
		Answered secondPage = details("13800138000", "20261130", "1", "2").send();
		Answered otherDay = details("13800138000", "20261129", "50", "1").send();

		assertThat(firstPage.body().path("TotalCount").asText()).isEqualTo("2");
		assertThat(firstPage.body().path("SmsSendDetailDTOs").path("SmsSendDetailDTO")).singleElement()
			.satisfies((row) -> {
				assertThat(row.path("PhoneNum").asText()).isEqualTo("13800138000");
				assertThat(row.path("SendStatus").asInt()).isEqualTo(3);
				assertThat(row.path("ErrCode").asText()).isEqualTo("DELIVERED");
				assertThat(row.path("OutId").asText()).isEqualTo("ob-1");
				assertThat(row.path("SendDate").asText()).isEqualTo("2026-11-30 11:00:00");
				assertThat(row.path("ReceiveDate").asText()).isEqualTo("2026-11-30 11:00:00");
			});
		assertThat(secondPage.body().path("SmsSendDetailDTOs").path("SmsSendDetailDTO")).singleElement()
			.satisfies((row) -> {
				assertThat(row.path("SendStatus").asInt()).isEqualTo(1);
				assertThat(row.path("ErrCode").asText()).isEmpty();
				assertThat(row.path("OutId").asText()).isEqualTo("ob-2");
			});
		assertThat(otherDay.body().path("TotalCount").asText()).isEqualTo("0");
	}

	@Test
	void validatesDetailQueries() throws Exception {
		assertBusiness(details("13800138000", "20261130", "51", "1").send(), "isv.INVALID_PARAMETERS");
		assertBusiness(details("13800138000", "20261130", "0", "1").send(), "isv.INVALID_PARAMETERS");
		assertBusiness(details("13800138000", "20261030", "10", "1").send(), "isv.INVALID_PARAMETERS");
		assertBusiness(details("13800138000", "2026-11-30", "10", "1").send(), "isv.INVALID_PARAMETERS");
		Answered noNumber = new SignedRequest(sim.baseUrl(), AliyunSmsSimulator.QUERY_SEND_DETAILS, clock.instant())
			.query("SendDate", "20261130")
			.query("PageSize", "10")
			.query("CurrentPage", "1")
			.send();
		assertThat(noNumber.status()).isEqualTo(400);
		assertThat(noNumber.code()).isEqualTo("MissingPhoneNumber");
	}

	@Test
	void resetForgetsMessagesButKeepsApprovals() throws Exception {
		sendSms("13800138000", "{\"code\":\"x\"}").send();
		sim.clearJournal();
		assertThat(sim.recorded(AliyunSmsSimulator.SEND_SMS)).isEmpty();
		assertThat(sim.accepted()).hasSize(1);

		sim.reset();

		assertThat(sim.accepted()).isEmpty();
		assertThat(sendSms("13800138000", "{\"code\":\"x\"}").send().code()).isEqualTo("OK");
	}

	private static SignedRequest sendSms(String numbers, String templateParam) {
		SignedRequest request = new SignedRequest(sim.baseUrl(), AliyunSmsSimulator.SEND_SMS, clock.instant())
			.query("PhoneNumbers", numbers)
			.query("SignName", SIGN)
			.query("TemplateCode", ASSIST);
		return (templateParam != null) ? request.query("TemplateParam", templateParam) : request;
	}

	private static SignedRequest batch(String numbers, String signs, String params) {
		return new SignedRequest(sim.baseUrl(), AliyunSmsSimulator.SEND_BATCH_SMS, clock.instant())
			.query("TemplateCode", ASSIST)
			.form("PhoneNumberJson", numbers)
			.form("SignNameJson", signs)
			.form("TemplateParamJson", params);
	}

	private static SignedRequest details(String number, String date, String pageSize, String page) {
		return new SignedRequest(sim.baseUrl(), AliyunSmsSimulator.QUERY_SEND_DETAILS, clock.instant())
			.query("PhoneNumber", number)
			.query("SendDate", date)
			.query("PageSize", pageSize)
			.query("CurrentPage", page);
	}

	private static void assertBusiness(Answered answer, String code) {
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.code()).isEqualTo(code);
	}

	private static void assertNotFound(Answered answer) {
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.code()).isEqualTo("InvalidAction.NotFound");
	}

}
