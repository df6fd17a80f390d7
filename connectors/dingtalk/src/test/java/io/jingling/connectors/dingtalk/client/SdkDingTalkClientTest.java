package io.jingling.connectors.dingtalk.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.TransientConnectorException;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator.Failure;
import io.jingling.connectors.dingtalk.sim.Recorded;
import io.jingling.connectors.dingtalk.sim.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdkDingTalkClientTest {

	private static final String APP_KEY = "dinghubtestappkey01";

	private static final String APP_SECRET = "hub-test-app-secret-0001";

	private static final GroupMessage ORDER_TO_DUTY_GROUP = new GroupMessage("cidCmdGroup0001==",
			new MessageContent("警令", "#### 警令 JL-20261130-003\n14:00 前到城东卡点集合"));

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TestClock clock = new TestClock(Instant.parse("2026-11-30T06:00:00Z"));

	private static DingTalkSimulator sim;

	private SdkDingTalkClient client;

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
		this.client = new SdkDingTalkClient(settings(APP_SECRET, sim.baseUrl()), clock);
	}

	@Test
	void sendsGroupMarkdownWithTokenHeader() throws Exception {
		SentMessage sent = this.client.sendToGroup(ORDER_TO_DUTY_GROUP);

		assertThat(sent.processQueryKey()).startsWith("pqk-");
		assertThat(sent.invalidUserIds()).isEmpty();
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).singleElement()
			.satisfies((token) -> assertThat(token.json()).isEqualTo(
					JSON.readTree("{\"appKey\":\"dinghubtestappkey01\",\"appSecret\":\"hub-test-app-secret-0001\"}")));
		Recorded send = sim.recorded(DingTalkSimulator.SEND_GROUP).get(0);
		assertThat(send.method()).isEqualTo("POST");
		assertThat(send.query()).isNull();
		assertThat(send.headers().get("x-acs-dingtalk-access-token")).startsWith("sim-token-");
		assertThat(send.json()).isEqualTo(JSON.readTree("""
				{"robotCode":"dinghubtestappkey01","openConversationId":"cidCmdGroup0001==","msgKey":"sampleMarkdown",
				 "msgParam":"{\\"title\\":\\"警令\\",\\"text\\":\\"#### 警令 JL-20261130-003\\\\n14:00 前到城东卡点集合\\"}"}
				"""));
		JsonNode msgParam = JSON.readTree(send.json().get("msgParam").asText());
		assertThat(msgParam.get("text").asText()).isEqualTo(ORDER_TO_DUTY_GROUP.content().markdown());
	}

	@Test
	void sendsToUsersAndReportsWhomItMissed() throws Exception {
		SentMessage sent = this.client
			.sendToUsers(new UserMessage(List.of("officer002", "officer003"), new MessageContent("请确认", "请确认警令")));

		assertThat(sent.processQueryKey()).startsWith("pqk-");
		assertThat(sent.invalidUserIds()).isEmpty();
		assertThat(sent.flowControlledUserIds()).isEmpty();
		assertThat(sim.recorded(DingTalkSimulator.SEND_USERS)).singleElement()
			.extracting(Recorded::json)
			.isEqualTo(JSON.readTree("""
					{"robotCode":"dinghubtestappkey01","userIds":["officer002","officer003"],"msgKey":"sampleMarkdown",
					 "msgParam":"{\\"title\\":\\"请确认\\",\\"text\\":\\"请确认警令\\"}"}
					"""));
	}

	@Test
	void refusesMoreThanTwentyUsersBeforeCalling() {
		List<String> users = IntStream.rangeClosed(1, 21).mapToObj((i) -> "officer" + i).toList();

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.sendToUsers(new UserMessage(users, new MessageContent("t", "m"))));
		assertThat(sim.recorded(DingTalkSimulator.SEND_USERS)).isEmpty();
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).isEmpty();
	}

	@Test
	void asksForOneTokenForSeveralSends() {
		this.client.sendToGroup(ORDER_TO_DUTY_GROUP);
		this.client.sendToGroup(ORDER_TO_DUTY_GROUP);
		this.client.sendToUsers(new UserMessage(List.of("officer002"), new MessageContent("t", "m")));

		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).hasSize(1);
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).hasSize(2);
	}

	@Test
	void concurrentCallersWaitForOneTokenRequest() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<SentMessage>> sends = IntStream.range(0, 6)
				.mapToObj((i) -> (Callable<SentMessage>) () -> this.client
					.sendToGroup(new GroupMessage("cidGroup" + i, ORDER_TO_DUTY_GROUP.content())))
				.toList();
			for (Future<SentMessage> sent : pool.invokeAll(sends)) {
				assertThat(sent.get().processQueryKey()).isNotBlank();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).hasSize(1);
	}

	@Test
	void refreshesTokenWhenLessThanTenMinutesRemain() {
		this.client.sendToGroup(ORDER_TO_DUTY_GROUP);
		clock.advance(Duration.ofMinutes(109));
		this.client.sendToGroup(ORDER_TO_DUTY_GROUP);
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).as("11 minutes left: keep the token").hasSize(1);

		clock.advance(Duration.ofMinutes(2));
		this.client.sendToGroup(ORDER_TO_DUTY_GROUP);

		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).as("9 minutes left: refresh").hasSize(2);
		List<Recorded> sends = sim.recorded(DingTalkSimulator.SEND_GROUP);
		assertThat(sends.get(2).headers().get("x-acs-dingtalk-access-token"))
			.as("DingTalk extends a token that is still valid")
			.isEqualTo(sends.get(0).headers().get("x-acs-dingtalk-access-token"));
	}

	@Test
	void refreshesOnceAndRetriesOnceWhenTokenRejected() {
		this.client.sendToGroup(ORDER_TO_DUTY_GROUP);
		sim.expireTokens();

		SentMessage sent = this.client.sendToGroup(ORDER_TO_DUTY_GROUP);

		assertThat(sent.processQueryKey()).isNotBlank();
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).hasSize(2);
		List<String> tokens = sim.recorded(DingTalkSimulator.SEND_GROUP)
			.stream()
			.map((send) -> send.headers().get("x-acs-dingtalk-access-token"))
			.toList();
		assertThat(tokens).hasSize(3);
		assertThat(tokens.get(1)).isEqualTo(tokens.get(0));
		assertThat(tokens.get(2)).isNotEqualTo(tokens.get(1));
	}

	@Test
	void retriesAfterOneTokenExpiredAnswer() {
		sim.failNext(DingTalkSimulator.SEND_GROUP, Failure.TOKEN_EXPIRED, 1);

		SentMessage sent = this.client.sendToGroup(ORDER_TO_DUTY_GROUP);

		assertThat(sent.processQueryKey()).isNotBlank();
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).hasSize(2);
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).hasSize(2);
	}

	@Test
	void givesUpAfterSecondTokenRejectionInARow() {
		sim.failNext(DingTalkSimulator.SEND_GROUP, Failure.TOKEN_EXPIRED, 3);

		assertThatThrownBy(() -> this.client.sendToGroup(ORDER_TO_DUTY_GROUP))
			.isInstanceOf(TransientConnectorException.class)
			.hasMessageContaining("InvalidAuthentication")
			.satisfies(
					(ex) -> assertThat(((TransientConnectorException) ex).code()).isEqualTo("InvalidAuthentication"));
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).as("one call, one retry, no loop").hasSize(2);
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).hasSize(2);
	}

	@Test
	void throttledSendIsThrottledAndSentOnce() {
		sim.failNext(DingTalkSimulator.SEND_GROUP, Failure.THROTTLED, 1);

		assertThatThrownBy(() -> this.client.sendToGroup(ORDER_TO_DUTY_GROUP))
			.isInstanceOfSatisfying(ThrottledConnectorException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo("Forbidden.AccessDenied.QpsLimitForAppkeyAndApi");
				assertThat(ex.backoff()).isEqualTo(Duration.ofSeconds(1));
			});
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).hasSize(1);
	}

	@Test
	void busyPlatformIsTransientAndSentOnce() {
		sim.failNext(DingTalkSimulator.SEND_GROUP, Failure.BUSY, 1);

		assertThatThrownBy(() -> this.client.sendToGroup(ORDER_TO_DUTY_GROUP))
			.isInstanceOfSatisfying(TransientConnectorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("system.error"))
			.isNotInstanceOf(ThrottledConnectorException.class)
			.hasMessageStartingWith("DingTalk group send failed with system.error (HTTP 500");
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).hasSize(1);
	}

	@Test
	void badRequestIsPermanent() {
		sim.failNext(DingTalkSimulator.SEND_USERS, Failure.BAD_REQUEST, 1);

		assertThatThrownBy(
				() -> this.client.sendToUsers(new UserMessage(List.of("officer002"), new MessageContent("t", "m"))))
			.isInstanceOfSatisfying(PermanentConnectorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("invalidParameter.msgParam.invalid"));
		assertThat(sim.recorded(DingTalkSimulator.SEND_USERS)).hasSize(1);
	}

	@Test
	void unknownGroupIsPermanent() {
		assertThatThrownBy(
				() -> this.client.sendToGroup(new GroupMessage("not-a-conversation", ORDER_TO_DUTY_GROUP.content())))
			.isInstanceOfSatisfying(PermanentConnectorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("invalid.openConversationId"));
	}

	@Test
	void wrongSecretIsPermanentSendsNothingAndIsToldToTheTokenWatch() {
		List<ConnectorException> refusals = new ArrayList<>();
		var wrong = new SdkDingTalkClient(settings("not-the-secret", sim.baseUrl()), clock, refusals::add);

		assertThatThrownBy(() -> wrong.sendToGroup(ORDER_TO_DUTY_GROUP))
			.isInstanceOfSatisfying(PermanentConnectorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("invalidClientIdOrSecret"))
			.hasMessageNotContaining("not-the-secret");
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).isEmpty();
		assertThat(refusals).singleElement().satisfies((refused) -> {
			assertThat(refused.platform()).isEqualTo("dingtalk");
			assertThat(refused.code()).isEqualTo("invalidClientIdOrSecret");
			assertThat(refused.getMessage()).doesNotContain("not-the-secret");
		});
	}

	@Test
	void unreachablePlatformIsTransientAndNoTokenRefusal() {
		List<ConnectorException> refusals = new ArrayList<>();
		var nowhere = new SdkDingTalkClient(settings(APP_SECRET, URI.create("http://127.0.0.1:1")), clock,
				refusals::add);

		assertThatThrownBy(() -> nowhere.sendToGroup(ORDER_TO_DUTY_GROUP))
			.isInstanceOfSatisfying(TransientConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("io"));
		assertThat(refusals).isEmpty();
	}

	@Test
	void dingsThroughTheRobotWithTokenHeader() throws Exception {
		DingSent sent = this.client.ding(new Ding(List.of("officer002", "officer003"), "14:00 前到城东卡点集合", DingKind.SMS));

		assertThat(sent.openDingId()).startsWith("ding-");
		assertThat(sent.failedUserIds()).isEmpty();
		Recorded ding = sim.recorded(DingTalkSimulator.DING).get(0);
		assertThat(ding.method()).isEqualTo("POST");
		assertThat(ding.headers().get("x-acs-dingtalk-access-token")).startsWith("sim-token-");
		assertThat(ding.json()).isEqualTo(JSON.readTree("""
				{"robotCode":"dinghubtestappkey01","remindType":2,"receiverUserIdList":["officer002","officer003"],
				 "content":"14:00 前到城东卡点集合"}
				"""));
	}

	@Test
	void sendsEachKindAsItsRemindType() {
		for (DingKind kind : DingKind.values()) {
			this.client.ding(new Ding(List.of("officer002"), "集合", kind));
		}

		assertThat(sim.recorded(DingTalkSimulator.DING)).extracting((ding) -> ding.json().get("remindType").asInt())
			.containsExactly(1, 2, 3);
	}

	@Test
	void flattensTheFailedListIntoUserIds() {
		sim.setDingFailedList(
				Map.of("notActive", List.of("officer003", "officer009"), "noMobile", List.of("officer004")));

		DingSent sent = this.client
			.ding(new Ding(List.of("officer002", "officer003", "officer004"), "集合", DingKind.CALL));

		assertThat(sent.openDingId()).isNotBlank();
		assertThat(sent.failedUserIds()).containsExactlyInAnyOrder("officer003", "officer004");
	}

	@Test
	void exhaustedDingQuotaIsPermanentWithThePlatformCode() {
		sim.setDingQuota(1);

		assertThatThrownBy(() -> this.client.ding(new Ding(List.of("officer002", "officer003"), "集合", DingKind.SMS)))
			.isInstanceOfSatisfying(PermanentConnectorException.class, (ex) -> {
				assertThat(ex.platform()).isEqualTo("dingtalk");
				assertThat(ex.code()).isEqualTo("ding.serverquota.insufficient");
			})
			.hasMessageNotContaining("集合");
		assertThat(sim.recorded(DingTalkSimulator.DING)).hasSize(1);
	}

	@Test
	void tenantWithoutDingIsPermanentWithThePlatformCode() {
		sim.setDingAvailable(false);

		assertThatThrownBy(() -> this.client.ding(new Ding(List.of("officer002"), "集合", DingKind.APP)))
			.isInstanceOfSatisfying(PermanentConnectorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("Forbidden.AccessDenied.AccessTokenPermissionDenied"));
		assertThat(sim.recorded(DingTalkSimulator.DING)).as("not a token problem: no refresh, no retry").hasSize(1);
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).hasSize(1);
	}

	@Test
	void refusesDingsBeyondTheKindsReceiverLimitBeforeCalling() {
		List<String> twentyOne = IntStream.rangeClosed(1, 21).mapToObj((i) -> "officer" + i).toList();
		List<String> twoHundredOne = IntStream.rangeClosed(1, 201).mapToObj((i) -> "officer" + i).toList();

		assertThat(new Ding(twoHundredOne.subList(0, 200), "集合", DingKind.APP).userIds()).hasSize(200);
		assertThatIllegalArgumentException().isThrownBy(() -> new Ding(twoHundredOne, "集合", DingKind.APP));
		assertThatIllegalArgumentException().isThrownBy(() -> new Ding(twentyOne, "集合", DingKind.SMS));
		assertThatIllegalArgumentException().isThrownBy(() -> new Ding(twentyOne, "集合", DingKind.CALL));
		assertThatIllegalArgumentException().isThrownBy(() -> new Ding(List.of(), "集合", DingKind.APP));
		assertThatIllegalArgumentException().isThrownBy(() -> new Ding(List.of("officer002"), " ", DingKind.APP));
		assertThat(sim.recorded(DingTalkSimulator.DING)).isEmpty();
	}

	@Test
	void repliesThroughTheSessionWebhookRebasedOntoOapi() throws Exception {
		this.client
			.replyInSession(new SessionReply("https://oapi.dingtalk.com/robot/sendBySession?session=test-session-0001",
					new MessageContent("收到", "收到 @dispatcher01"), List.of("dispatcher01")));

		assertThat(sim.recorded(DingTalkSimulator.SESSION_REPLY)).singleElement().satisfies((reply) -> {
			assertThat(reply.query()).isEqualTo("session=test-session-0001");
			assertThat(reply.headers().get("Content-Type")).startsWith("application/json");
			assertThat(reply.headers()).doesNotContainKey("x-acs-dingtalk-access-token");
			assertThat(reply.json()).isEqualTo(JSON.readTree("""
					{"msgtype":"markdown","markdown":{"title":"收到","text":"收到 @dispatcher01"},
					 "at":{"atUserIds":["dispatcher01"]}}
					"""));
		});
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).as("session webhooks need no token").isEmpty();
	}

	@Test
	void repliesWithoutAtWhenNobodyIsMentioned() throws Exception {
		this.client.replyInSession(new SessionReply("http://127.0.0.1:8089/robot/sendBySession?session=s-1",
				new MessageContent("收到", "收到"), List.of()));

		assertThat(sim.recorded(DingTalkSimulator.SESSION_REPLY)).singleElement()
			.extracting(Recorded::json)
			.isEqualTo(JSON.readTree("{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"收到\",\"text\":\"收到\"}}"));
	}

	@Test
	void mapsSessionWebhookErrcodes() {
		var content = new MessageContent("收到", "收到");
		assertThatThrownBy(() -> this.client
			.replyInSession(new SessionReply("https://oapi.dingtalk.com/robot/sendBySession", content, List.of())))
			.isInstanceOfSatisfying(PermanentConnectorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("300001"));

		var reply = new SessionReply("https://oapi.dingtalk.com/robot/sendBySession?session=s-1", content, List.of());
		sim.failNext(DingTalkSimulator.SESSION_REPLY, Failure.THROTTLED, 1);
		sim.failNext(DingTalkSimulator.SESSION_REPLY, Failure.BUSY, 1);
		assertThatThrownBy(() -> this.client.replyInSession(reply)).isInstanceOfSatisfying(
				ThrottledConnectorException.class, (ex) -> assertThat(ex.backoff()).isEqualTo(Duration.ofMinutes(10)));
		assertThatThrownBy(() -> this.client.replyInSession(reply)).isInstanceOf(TransientConnectorException.class)
			.isNotInstanceOf(ThrottledConnectorException.class);
	}

	@Test
	void keepsSecretsAndWebhooksOutOfToString() {
		assertThat(settings(APP_SECRET, sim.baseUrl())).asString().doesNotContain(APP_SECRET).contains(APP_KEY);
		assertThat(new SessionReply("https://oapi.dingtalk.com/robot/sendBySession?session=secret-session",
				new MessageContent("标题", "正文内容"), List.of("dispatcher01")))
			.asString()
			.doesNotContain("secret-session")
			.doesNotContain("标题")
			.doesNotContain("正文内容");
		assertThat(new Ding(List.of("officer002"), "14:00 前到城东卡点集合", DingKind.CALL)).asString()
			.doesNotContain("城东")
			.contains("CALL");
	}

	private static DingTalkSettings settings(String appSecret, URI url) {
		return new DingTalkSettings(url, url, APP_KEY, appSecret, APP_KEY, Duration.ofSeconds(2));
	}

}
