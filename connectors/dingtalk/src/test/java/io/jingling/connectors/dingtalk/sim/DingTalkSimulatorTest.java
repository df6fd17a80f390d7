package io.jingling.connectors.dingtalk.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jingling.connectors.dingtalk.sim.DingTalkSimulator.Failure;

import static org.assertj.core.api.Assertions.assertThat;

class DingTalkSimulatorTest {

	private static final String APP_KEY = "dinghubtestappkey01";

	private static final String APP_SECRET = "hub-test-app-secret-0001";

	private static final String MARKDOWN = "\"msgKey\":\"sampleMarkdown\",\"msgParam\":\"{\\\"title\\\":\\\"t\\\",\\\"text\\\":\\\"m\\\"}\"";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TestClock clock = new TestClock(Instant.parse("2026-11-30T06:00:00Z"));

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static DingTalkSimulator sim;

	@BeforeAll
	static void startSimulator() {
		sim = DingTalkSimulator.start(APP_KEY, APP_SECRET, APP_KEY, clock);
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@BeforeEach
	void resetSimulator() {
		sim.reset();
	}

	@Test
	void issuesTokensThatLiveTwoHoursAndAreExtendedWhileValid() throws Exception {
		JsonNode first = token(APP_SECRET).json;
		assertThat(first.get("expireIn").asLong()).isEqualTo(7200);
		assertThat(first.get("accessToken").asText()).isNotBlank();

		clock.advance(Duration.ofMinutes(119));
		assertThat(token(APP_SECRET).json.get("accessToken")).as("same token while valid")
			.isEqualTo(first.get("accessToken"));

		clock.advance(Duration.ofMinutes(119));
		assertThat(post(DingTalkSimulator.SEND_GROUP, first.get("accessToken").asText(), group("cidA")).status)
			.as("asking again extended the lifetime")
			.isEqualTo(200);

		clock.advance(Duration.ofMinutes(121));
		assertThat(post(DingTalkSimulator.SEND_GROUP, first.get("accessToken").asText(), group("cidA")).json.get("code")
			.asText()).isEqualTo("InvalidAuthentication");
		assertThat(token(APP_SECRET).json.get("accessToken")).as("new token after expiry")
			.isNotEqualTo(first.get("accessToken"));
	}

	@Test
	void refusesWrongCredentials() throws Exception {
		Answered answered = token("wrong-secret");

		assertThat(answered.status).isEqualTo(400);
		assertThat(answered.json.get("code").asText()).isEqualTo("invalidClientIdOrSecret");
		assertThat(answered.json.has("message")).isTrue();
		assertThat(answered.json.get("requestid").asText()).isNotBlank();
	}

	@Test
	void checksTheTokenHeader() throws Exception {
		Answered missing = post(DingTalkSimulator.SEND_GROUP, null, group("cidA"));
		assertThat(missing.status).isEqualTo(400);
		assertThat(missing.json.get("code").asText()).isEqualTo("AuthenticationFailed.MissingParameter");

		Answered unknown = post(DingTalkSimulator.SEND_GROUP, "made-up-token", group("cidA"));
		assertThat(unknown.status).isEqualTo(400);
		assertThat(unknown.json.get("code").asText()).isEqualTo("InvalidAuthentication");

		String token = validToken();
		sim.expireTokens();
		assertThat(post(DingTalkSimulator.SEND_USERS, token, users(1)).json.get("code").asText())
			.isEqualTo("InvalidAuthentication");
	}

	@Test
	void validatesMessagesLikeDingTalk() throws Exception {
		String token = validToken();

		assertThat(code(post(DingTalkSimulator.SEND_GROUP, token,
				"{\"robotCode\":\"other-robot\",\"openConversationId\":\"cidA\"," + MARKDOWN + "}")))
			.isEqualTo("invalidParameter.robotCode.auth");
		assertThat(code(post(DingTalkSimulator.SEND_GROUP, token,
				"{\"robotCode\":\"" + APP_KEY
						+ "\",\"openConversationId\":\"cidA\",\"msgKey\":\"sampleHtml\",\"msgParam\":\"{}\"}")))
			.isEqualTo("invalidParameter.msgKey.invalid");
		assertThat(code(post(DingTalkSimulator.SEND_GROUP, token, "{\"robotCode\":\"" + APP_KEY
				+ "\",\"openConversationId\":\"cidA\",\"msgKey\":\"sampleMarkdown\",\"msgParam\":{\"title\":\"t\",\"text\":\"m\"}}")))
			.as("msgParam must be a JSON string, not an object")
			.isEqualTo("invalidParameter.msgParam.invalid");
		assertThat(code(post(DingTalkSimulator.SEND_GROUP, token, group("chat-42"))))
			.isEqualTo("invalid.openConversationId");
		assertThat(code(post(DingTalkSimulator.SEND_USERS, token, users(21))))
			.isEqualTo("invalidParameter.userIds.overMax");
	}

	@Test
	void answersSendsWithFreshKeys() throws Exception {
		String token = validToken();

		Answered first = post(DingTalkSimulator.SEND_GROUP, token, group("cidA"));
		Answered second = post(DingTalkSimulator.SEND_GROUP, token, group("cidA"));
		Answered users = post(DingTalkSimulator.SEND_USERS, token, users(20));

		assertThat(first.status).isEqualTo(200);
		assertThat(first.json.get("processQueryKey").asText())
			.isNotEqualTo(second.json.get("processQueryKey").asText());
		assertThat(users.status).isEqualTo(200);
		assertThat(users.json.get("processQueryKey").asText()).isNotBlank();
		assertThat(users.json.get("invalidStaffIdList").isArray()).isTrue();
		assertThat(users.json.get("flowControlledStaffIdList").isArray()).isTrue();
	}

	@Test
	void throttlesTheTwentyFirstGroupMessageWithinAMinute() throws Exception {
		String token = validToken();
		for (int i = 0; i < 20; i++) {
			assertThat(post(DingTalkSimulator.SEND_GROUP, token, group("cidBusy")).status).isEqualTo(200);
		}

		Answered throttled = post(DingTalkSimulator.SEND_GROUP, token, group("cidBusy"));
		assertThat(throttled.status).isEqualTo(403);
		assertThat(code(throttled)).isEqualTo("Forbidden.AccessDenied.QpsLimitForAppkeyAndApi");
		assertThat(post(DingTalkSimulator.SEND_GROUP, token, group("cidQuiet")).status).as("other groups unaffected")
			.isEqualTo(200);

		clock.advance(Duration.ofSeconds(61));
		assertThat(post(DingTalkSimulator.SEND_GROUP, token, group("cidBusy")).status).isEqualTo(200);
	}

	@Test
	void failureSwitchesAnswerTheNextCallsThenStop() throws Exception {
		String token = validToken();
		sim.failNext(DingTalkSimulator.SEND_GROUP, Failure.BUSY, 2);
		sim.failNext(DingTalkSimulator.SEND_GROUP, Failure.THROTTLED, 1);

		Answered busy = post(DingTalkSimulator.SEND_GROUP, token, group("cidA"));
		assertThat(busy.status).isEqualTo(500);
		assertThat(code(busy)).isEqualTo("system.error");
		assertThat(post(DingTalkSimulator.SEND_GROUP, token, group("cidA")).status).isEqualTo(500);
		assertThat(post(DingTalkSimulator.SEND_GROUP, token, group("cidA")).status).isEqualTo(403);
		assertThat(post(DingTalkSimulator.SEND_GROUP, token, group("cidA")).status).isEqualTo(200);
		assertThat(post(DingTalkSimulator.SEND_USERS, token, users(1)).status).as("only the named path fails")
			.isEqualTo(200);

		sim.failNext(DingTalkSimulator.SEND_USERS, Failure.TOKEN_EXPIRED, 1);
		sim.failNext(DingTalkSimulator.SEND_USERS, Failure.BAD_REQUEST, 1);
		assertThat(code(post(DingTalkSimulator.SEND_USERS, token, users(1)))).isEqualTo("InvalidAuthentication");
		assertThat(code(post(DingTalkSimulator.SEND_USERS, token, users(1))))
			.isEqualTo("invalidParameter.msgParam.invalid");
	}

	@Test
	void answersDingWithAnOpenDingIdAndAnEmptyFailedList() throws Exception {
		Answered answered = post(DingTalkSimulator.DING, validToken(), ding(1, 200));

		assertThat(answered.status).isEqualTo(200);
		assertThat(answered.json.get("openDingId").asText()).startsWith("ding-sim-");
		assertThat(answered.json.get("failedList").isObject()).isTrue();
		assertThat(answered.json.get("failedList").size()).isZero();
		assertThat(sim.recorded(DingTalkSimulator.DING)).singleElement()
			.satisfies((r) -> assertThat(r.json().get("receiverUserIdList")).hasSize(200));
	}

	@Test
	void validatesDingsLikeDingTalk() throws Exception {
		String token = validToken();

		assertThat(code(post(DingTalkSimulator.DING, null, ding(1, 1))))
			.isEqualTo("AuthenticationFailed.MissingParameter");
		assertThat(code(post(DingTalkSimulator.DING, "made-up-token", ding(1, 1)))).isEqualTo("InvalidAuthentication");
		assertThat(code(post(DingTalkSimulator.DING, token,
				"{\"robotCode\":\"other-robot\",\"remindType\":1,\"receiverUserIdList\":[\"officer1\"],\"content\":\"c\"}")))
			.isEqualTo("invalidParameter.robotCode.auth");
		assertThat(code(post(DingTalkSimulator.DING, token, ding(4, 1)))).isEqualTo("invalidParameter.param.invalid");
		assertThat(code(post(DingTalkSimulator.DING, token, ding(1, 0)))).isEqualTo("miss.staffId");
		Answered overApp = post(DingTalkSimulator.DING, token, ding(1, 201));
		assertThat(overApp.status).isEqualTo(400);
		assertThat(code(overApp)).isEqualTo("ding.receivercount.limit");
		assertThat(code(post(DingTalkSimulator.DING, token, ding(2, 21)))).isEqualTo("ding.receivercount.limit");
		assertThat(code(post(DingTalkSimulator.DING, token, ding(3, 21)))).isEqualTo("ding.receivercount.limit");
		assertThat(post(DingTalkSimulator.DING, token, ding(2, 20)).status).isEqualTo(200);
		assertThat(post(DingTalkSimulator.DING, token, ding(3, 20)).status).isEqualTo(200);
	}

	@Test
	void spendsTheQuotaOnSmsAndPhoneReceiversOnly() throws Exception {
		String token = validToken();
		sim.setDingQuota(3);

		assertThat(post(DingTalkSimulator.DING, token, ding(2, 2)).status).isEqualTo(200);
		assertThat(post(DingTalkSimulator.DING, token, ding(1, 50)).status).as("in-app DING is free").isEqualTo(200);
		Answered tooMany = post(DingTalkSimulator.DING, token, ding(3, 2));
		assertThat(tooMany.status).isEqualTo(400);
		assertThat(code(tooMany)).isEqualTo("ding.serverquota.insufficient");
		assertThat(post(DingTalkSimulator.DING, token, ding(3, 1)).status).as("a refused DING spent nothing")
			.isEqualTo(200);
		assertThat(code(post(DingTalkSimulator.DING, token, ding(2, 1)))).isEqualTo("ding.serverquota.insufficient");
	}

	@Test
	void refusesEveryDingOfATenantWithoutIt() throws Exception {
		String token = validToken();
		sim.setDingAvailable(false);

		Answered refused = post(DingTalkSimulator.DING, token, ding(1, 1));
		assertThat(refused.status).isEqualTo(403);
		assertThat(code(refused)).isEqualTo("Forbidden.AccessDenied.AccessTokenPermissionDenied");
		assertThat(post(DingTalkSimulator.SEND_GROUP, token, group("cidA")).status).as("messages still go")
			.isEqualTo(200);

		sim.setDingAvailable(true);
		assertThat(post(DingTalkSimulator.DING, token, ding(1, 1)).status).isEqualTo(200);
	}

	@Test
	void reportsFailedReceiversByReasonWithoutSpendingQuota() throws Exception {
		String token = validToken();
		sim.setDingQuota(1);
		sim.setDingFailedList(Map.of("notActive", List.of("officer2", "officer99")));

		Answered answered = post(DingTalkSimulator.DING, token, ding(2, 2));

		assertThat(answered.status).isEqualTo(200);
		assertThat(answered.json.get("failedList")).isEqualTo(JSON.readTree("{\"notActive\":[\"officer2\"]}"));
		assertThat(post(DingTalkSimulator.DING, token, ding(3, 1)).status).as("officer1 spent the only unit")
			.isEqualTo(400);
	}

	@Test
	void clearJournalKeepsTheDingSwitchesAndResetRestoresThem() throws Exception {
		sim.setDingAvailable(false);
		sim.setDingQuota(0);
		sim.setDingFailedList(Map.of("notActive", List.of("officer1")));
		post(DingTalkSimulator.DING, validToken(), ding(1, 1));

		sim.clearJournal();
		assertThat(sim.recorded(DingTalkSimulator.DING)).isEmpty();
		assertThat(post(DingTalkSimulator.DING, validToken(), ding(1, 1)).status).isEqualTo(403);
		sim.setDingAvailable(true);
		assertThat(code(post(DingTalkSimulator.DING, validToken(), ding(2, 2))))
			.isEqualTo("ding.serverquota.insufficient");

		sim.reset();
		Answered answered = post(DingTalkSimulator.DING, validToken(), ding(2, 20));
		assertThat(answered.status).isEqualTo(200);
		assertThat(answered.json.get("failedList").size()).isZero();
	}

	@Test
	void answersSessionWebhooksWithErrcodes() throws Exception {
		String reply = "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"t\",\"text\":\"m\"}}";

		Answered ok = post(DingTalkSimulator.SESSION_REPLY + "?session=test-session-0001", null, reply);
		assertThat(ok.status).isEqualTo(200);
		assertThat(ok.json.get("errcode").asInt()).isZero();

		Answered noSession = post(DingTalkSimulator.SESSION_REPLY, null, reply);
		assertThat(noSession.status).isEqualTo(200);
		assertThat(noSession.json.get("errcode").asInt()).isEqualTo(300001);

		sim.failNext(DingTalkSimulator.SESSION_REPLY, Failure.THROTTLED, 1);
		assertThat(post(DingTalkSimulator.SESSION_REPLY + "?session=s", null, reply).json.get("errcode").asInt())
			.isEqualTo(410100);
	}

	@Test
	void recordsRequestsInArrivalOrderUntilReset() throws Exception {
		String token = validToken();
		post(DingTalkSimulator.SEND_GROUP, token, group("cidFirst"));
		post(DingTalkSimulator.SEND_GROUP, token, group("cidSecond"));
		post(DingTalkSimulator.SESSION_REPLY + "?session=s-1", null,
				"{\"msgtype\":\"text\",\"text\":{\"content\":\"c\"}}");

		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP))
			.extracting((r) -> r.json().get("openConversationId").asText())
			.containsExactly("cidFirst", "cidSecond");
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP).get(0).headers())
			.containsEntry("X-ACS-DINGTALK-ACCESS-TOKEN", token);
		assertThat(sim.recorded(DingTalkSimulator.SESSION_REPLY)).singleElement().satisfies((r) -> {
			assertThat(r.path()).isEqualTo(DingTalkSimulator.SESSION_REPLY);
			assertThat(r.query()).isEqualTo("session=s-1");
		});

		sim.reset();
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).isEmpty();
		assertThat(code(post(DingTalkSimulator.SEND_GROUP, token, group("cidA")))).as("reset forgets tokens")
			.isEqualTo("InvalidAuthentication");
	}

	private static String validToken() throws Exception {
		return token(APP_SECRET).json.get("accessToken").asText();
	}

	private static Answered token(String secret) throws Exception {
		return post(DingTalkSimulator.TOKEN, null, "{\"appKey\":\"" + APP_KEY + "\",\"appSecret\":\"" + secret + "\"}");
	}

	private static String group(String openConversationId) {
		return "{\"robotCode\":\"" + APP_KEY + "\",\"openConversationId\":\"" + openConversationId + "\"," + MARKDOWN
				+ "}";
	}

	private static String users(int count) {
		String userIds = IntStream.rangeClosed(1, count)
			.mapToObj((i) -> "\"officer" + i + "\"")
			.collect(Collectors.joining(","));
		return "{\"robotCode\":\"" + APP_KEY + "\",\"userIds\":[" + userIds + "]," + MARKDOWN + "}";
	}

	private static String ding(int remindType, int receivers) {
		String userIds = IntStream.rangeClosed(1, receivers)
			.mapToObj((i) -> "\"officer" + i + "\"")
			.collect(Collectors.joining(","));
		return "{\"robotCode\":\"" + APP_KEY + "\",\"remindType\":" + remindType + ",\"receiverUserIdList\":[" + userIds
				+ "],\"content\":\"14:00 集合\"}";
	}

	private static String code(Answered answered) {
		return answered.json.get("code").asText();
	}

	private static Answered post(String pathAndQuery, String token, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (token != null) {
			request.header("x-acs-dingtalk-access-token", token);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answered(response.statusCode(), JSON.readTree(response.body()));
	}

	private record Answered(int status, JsonNode json) {
	}

}
