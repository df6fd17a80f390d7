package io.jingling.connectors.wechat.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.TransientConnectorException;
import io.jingling.connectors.wechat.callback.WeComCallbackCrypto;
import io.jingling.connectors.wechat.callback.WeComEventParser;
import io.jingling.connectors.wechat.sim.Recorded;
import io.jingling.connectors.wechat.sim.TestClock;
import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.jingling.connectors.wechat.sim.WeComSimulator.Callback;
import io.jingling.connectors.wechat.sim.WeComSimulator.QuotaPolicy;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

class WxJavaWeComClientTest {

	static final String CORP_ID = "ww00jingling000001";

	static final String SECRET = "hub-test-wecom-secret-0001";

	static final String TOKEN = "JinglingCbToken";

	static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	static final String KF_ID = "wkJinglingKf0001";

	static final String OWNER = "liaison_taxi_01";

	static final String INFORMANT = "wmJL00Informant0000000001";

	static final String TIP = "XC-007 城东加油站旁停着一辆白色面包车";

	static final String ASSIST_TEXT = "【协查 XC-20261130-007】寻找白色面包车，车牌尾号 345。有线索请点链接私信：https://work.weixin.qq.com/kf/kfc00jl?enc_scene=ENCjl01&scene_param=XC-20261130-007";

	static final List<String> CHATS = List.of("wrJL00TaxiChengdong0000001", "wrJL00TaxiChengxi00000002");

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4, (byte) 0xFF,
			(byte) 0xD9 };

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TestClock clock = new TestClock(Instant.parse("2026-11-30T06:00:00Z"));

	private WeComSimulator sim;

	private WxJavaWeComClient client;

	@BeforeEach
	void start() {
		this.sim = WeComSimulator.start(CORP_ID, SECRET, TOKEN, AES_KEY, KF_ID, this.clock);
		this.client = new WxJavaWeComClient(settings(this.sim.baseUrl()));
	}

	@AfterEach
	void stop() {
		this.sim.close();
	}

	static WeComSettings settings(URI apiUrl) {
		return new WeComSettings(apiUrl, CORP_ID, SECRET, "1000002", TOKEN, AES_KEY, KF_ID, Duration.ofSeconds(5));
	}

	@Test
	void listsTheTasksAnOwnerCreatedInATimeSpanSoALostAnswerCanBeFoundAgain() throws Exception {
		Instant before = this.clock.instant();
		String msgId = this.client.createGroupTask(new GroupTaskRequest(OWNER, CHATS, ASSIST_TEXT, null)).msgId();
		this.clock.advance(Duration.ofMinutes(2));
		this.client.createGroupTask(new GroupTaskRequest("liaison_other_01", CHATS, ASSIST_TEXT, null));

		List<CreatedTask> tasks = this.client.tasksCreatedBy(OWNER, before.minusSeconds(60), this.clock.instant());

		assertThat(tasks).singleElement().satisfies((task) -> {
			assertThat(task.msgId()).isEqualTo(msgId);
			assertThat(task.text()).isEqualTo(ASSIST_TEXT);
			assertThat(task.createTime()).isEqualTo(before);
		});
		JsonNode request = JSON.readTree(this.sim.recorded(WeComSimulator.GROUPMSG_LIST_V2).get(0).body());
		assertThat(request.path("chat_type").asText()).isEqualTo("group");
		assertThat(request.path("creator").asText()).isEqualTo(OWNER);
		assertThat(request.path("filter_type").asInt()).isEqualTo(2);
		assertThat(request.path("start_time").asLong()).isEqualTo(before.minusSeconds(60).getEpochSecond());
		assertThat(this.client.tasksCreatedBy(OWNER, before.plusSeconds(30), this.clock.instant())).isEmpty();
	}

	@Test
	void createsAGroupTaskForTheOwnersChatsWithoutReselection() throws Exception {
		String mediaId = this.client.uploadImage("car.jpg", JPEG);

		GroupTask task = this.client.createGroupTask(new GroupTaskRequest(OWNER, CHATS, ASSIST_TEXT, List.of(mediaId)));

		assertThat(task.msgId()).startsWith("msg");
		assertThat(task.failedChatIds()).isEmpty();
		assertThat(this.sim.tasksOf(OWNER)).containsExactly(task.msgId());
		Recorded sent = this.sim.recorded(WeComSimulator.ADD_MSG_TEMPLATE).get(0);
		assertThat(sent.method()).isEqualTo("POST");
		assertThat(sent.query()).startsWith("access_token=sim-token-");
		assertThat(sent.headers().get("Content-Type")).startsWith("application/json");
		assertThat(sent.json()).isEqualTo(JSON.readTree("""
				{"chat_type":"group","sender":"liaison_taxi_01","allow_select":false,
				 "chat_id_list":["wrJL00TaxiChengdong0000001","wrJL00TaxiChengxi00000002"],
				 "text":{"content":"%s"},
				 "attachments":[{"msgtype":"image","image":{"media_id":"%s"}}]}
				""".formatted(ASSIST_TEXT, mediaId)));
	}

	@Test
	void reportsChatsWeComLeftOut() {
		GroupTask task = this.client
			.createGroupTask(new GroupTaskRequest(OWNER, List.of(CHATS.get(0), "notAGroupId"), ASSIST_TEXT, null));

		assertThat(task.failedChatIds()).containsExactly("notAGroupId");
	}

	@Test
	void fetchesTheAccessTokenOnceAndKeepsIt() {
		createTask();
		createTask();

		assertThat(this.sim.recorded(WeComSimulator.GET_TOKEN)).singleElement().satisfies((token) -> {
			assertThat(token.method()).isEqualTo("GET");
			assertThat(token.query()).isEqualTo("corpid=" + CORP_ID + "&corpsecret=" + SECRET);
		});
		assertThat(this.sim.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).hasSize(2);
	}

	@Test
	void refreshesAnExpiredTokenOnceAndRepeatsTheCall() {
		createTask();
		this.sim.failNext(WeComSimulator.ADD_MSG_TEMPLATE, 42001, 1);

		createTask();

		assertThat(this.sim.recorded(WeComSimulator.GET_TOKEN)).hasSize(2);
		assertThat(this.sim.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).hasSize(3);
		assertThat(this.sim.tasksOf(OWNER)).hasSize(2);
	}

	@Test
	void refreshesWhenTheTokensLifetimeRanOutOnWeComsSide() {
		createTask();
		this.sim.expireTokens();

		createTask();

		assertThat(this.sim.recorded(WeComSimulator.GET_TOKEN)).hasSize(2);
		List<Recorded> sends = this.sim.recorded(WeComSimulator.ADD_MSG_TEMPLATE);
		assertThat(sends).hasSize(3);
		assertThat(sends.get(2).query()).isNotEqualTo(sends.get(1).query());
	}

	@Test
	void aTokenRejectedAfterTheRefreshIsTransient() {
		this.sim.failNext(WeComSimulator.ADD_MSG_TEMPLATE, 42001, 2);

		assertThat(failure(this::createTask)).isExactlyInstanceOf(TransientConnectorException.class)
			.extracting(ConnectorException::code)
			.isEqualTo("42001");
		assertThat(this.sim.recorded(WeComSimulator.GET_TOKEN)).hasSize(2);
		assertThat(this.sim.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).hasSize(2);
		assertThat(this.sim.tasksOf(OWNER)).isEmpty();
	}

	@Test
	void aBusyAnswerIsRepeatedOnceByWxJava() {
		this.sim.failNext(WeComSimulator.ADD_MSG_TEMPLATE, -1, 1);

		createTask();

		assertThat(this.sim.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).hasSize(2);
		assertThat(this.sim.tasksOf(OWNER)).hasSize(1);
	}

	@Test
	void busyTwiceIsTransientAndNotRepeatedAgain() {
		this.sim.failNext(WeComSimulator.ADD_MSG_TEMPLATE, -1, 3);

		assertThat(failure(this::createTask)).isExactlyInstanceOf(TransientConnectorException.class)
			.extracting(ConnectorException::code)
			.isEqualTo("-1");
		assertThat(this.sim.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).hasSize(2);
		assertThat(this.sim.tasksOf(OWNER)).isEmpty();
	}

	@Test
	void frequencyLimitIsThrottledForAMinuteAndSentOnce() {
		this.sim.failNext(WeComSimulator.ADD_MSG_TEMPLATE, 45009, 1);

		assertThatThrownBy(this::createTask).isInstanceOfSatisfying(ThrottledConnectorException.class, (throttled) -> {
			assertThat(throttled.code()).isEqualTo("45009");
			assertThat(throttled.backoff()).isEqualTo(Duration.ofMinutes(1));
			assertThat(throttled.getMessage()).contains("接口调用频率超限，稍后重试");
		});
		assertThat(this.sim.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).hasSize(1);
	}

	@Test
	void untrustedIpAndMissingPermissionArePermanentWithTheReasonForOfficers() {
		this.sim.failNext(WeComSimulator.ADD_MSG_TEMPLATE, 60020, 1);
		this.sim.failNext(WeComSimulator.KF_SEND_MSG, 48002, 1);

		assertThatThrownBy(this::createTask).isInstanceOfSatisfying(PermanentConnectorException.class, (failure) -> {
			assertThat(failure.platform()).isEqualTo("wecom");
			assertThat(failure.code()).isEqualTo("60020");
			assertThat(failure.getMessage())
				.isEqualTo("WeCom group task failed with 60020: 服务器 IP 不在企业微信可信 IP 列表，请管理员在企业微信后台添加.");
		});
		assertThatThrownBy(() -> this.client.sendKfText(INFORMANT, "已收到"))
			.isInstanceOfSatisfying(PermanentConnectorException.class, (failure) -> {
				assertThat(failure.code()).isEqualTo("48002");
				assertThat(failure.getMessage()).contains("应用没有该接口权限").doesNotContain(INFORMANT);
			});
		assertThat(this.sim.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).hasSize(1);
		assertThat(this.sim.recorded(WeComSimulator.KF_SEND_MSG)).hasSize(1);
	}

	@Test
	void aRefusedTokenRequestIsToldToTheWatchAndFailsTheCall() {
		List<ConnectorException> refusals = new ArrayList<>();
		WxJavaWeComClient wrongSecret = new WxJavaWeComClient(new WeComSettings(this.sim.baseUrl(), CORP_ID,
				"not-the-secret", "1000002", TOKEN, AES_KEY, KF_ID, Duration.ofSeconds(5)), refusals::add);

		assertThat(failure(() -> wrongSecret.remind("msgAny"))).isInstanceOf(PermanentConnectorException.class)
			.extracting(ConnectorException::code)
			.isEqualTo("40001");
		assertThat(refusals).singleElement().satisfies((refused) -> {
			assertThat(refused.platform()).isEqualTo("wecom");
			assertThat(refused.code()).isEqualTo("40001");
			assertThat(refused.getMessage()).contains("应用 secret 不正确").doesNotContain("not-the-secret");
		});
		assertThat(this.sim.recorded(WeComSimulator.REMIND)).isEmpty();
	}

	@Test
	void noAnswerIsTransientAndNoTokenRefusal() {
		List<ConnectorException> refusals = new ArrayList<>();
		WxJavaWeComClient unreachable = new WxJavaWeComClient(settings(URI.create("http://127.0.0.1:1")),
				refusals::add);

		assertThat(failure(() -> unreachable.remind("msgAny"))).isExactlyInstanceOf(TransientConnectorException.class)
			.extracting(ConnectorException::code)
			.isEqualTo("io");
		assertThat(refusals).isEmpty();
	}

	@Test
	void reportsTheTaskUnsentUntilTheOwnerConfirms() throws Exception {
		String msgId = createTask().msgId();

		assertThat(this.client.taskStatus(msgId)).containsExactly(new OwnerTask(OWNER, OwnerTask.UNSENT, null));
		assertThat(this.client.sendResults(msgId, OWNER)).extracting(GroupSendResult::status)
			.containsExactly(GroupSendResult.UNSENT, GroupSendResult.UNSENT);

		this.clock.advance(Duration.ofMinutes(12));
		this.sim.confirmTask(msgId, OWNER);
		Instant sentAt = this.clock.instant();

		assertThat(this.client.taskStatus(msgId)).containsExactly(new OwnerTask(OWNER, OwnerTask.SENT, sentAt));
		assertThat(this.client.sendResults(msgId, OWNER)).containsExactly(
				new GroupSendResult(CHATS.get(0), OWNER, GroupSendResult.SENT, sentAt),
				new GroupSendResult(CHATS.get(1), OWNER, GroupSendResult.SENT, sentAt));
		JsonNode query = this.sim.recorded(WeComSimulator.GROUPMSG_SEND_RESULT).get(0).json();
		assertThat(query.get("msgid").asText()).isEqualTo(msgId);
		assertThat(query.get("userid").asText()).isEqualTo(OWNER);
		assertThat(query.get("limit").asInt()).isEqualTo(1000);
	}

	@Test
	void followsSendResultPagesToTheEnd() {
		List<String> chats = IntStream.range(0, GroupTaskRequest.MAX_CHATS)
			.mapToObj((i) -> "wrJL00Chat%06d".formatted(i))
			.toList();
		String msgId = this.client.createGroupTask(new GroupTaskRequest(OWNER, chats, ASSIST_TEXT, null)).msgId();
		this.sim.confirmTask(msgId, OWNER);

		List<GroupSendResult> results = this.client.sendResults(msgId, OWNER);

		assertThat(results).extracting(GroupSendResult::chatId).containsExactlyElementsOf(chats);
		List<Recorded> pages = this.sim.recorded(WeComSimulator.GROUPMSG_SEND_RESULT);
		assertThat(pages).hasSize(2);
		assertThat(pages.get(0).json().path("cursor").asText("")).isEmpty();
		assertThat(pages.get(1).json().path("cursor").asText()).isNotEmpty();
	}

	@Test
	void followsTaskPagesToTheEnd() throws Exception {
		WireMockServer canned = cannedTaskPages("");
		try {
			WxJavaWeComClient onCanned = new WxJavaWeComClient(settings(URI.create(canned.baseUrl())));

			List<OwnerTask> tasks = onCanned.taskStatus("msgJL00aaaaXtWyujaWJHDDGi0mAAAA");

			assertThat(tasks).containsExactly(
					new OwnerTask("liaison_taxi_01", OwnerTask.SENT, Instant.ofEpochSecond(1764471900L)),
					new OwnerTask("liaison_taxi_02", OwnerTask.UNSENT, null));
			List<LoggedRequest> pages = canned.findAll(postRequestedFor(urlPathEqualTo(WeComSimulator.GROUPMSG_TASK)));
			assertThat(JSON.readTree(pages.get(0).getBodyAsString()).get("cursor").isNull()).isTrue();
			assertThat(JSON.readTree(pages.get(1).getBodyAsString()).get("cursor").asText()).isEqualTo("c2");
		}
		finally {
			canned.stop();
		}
	}

	@Test
	void stopsWhenACursorComesBackTwice() {
		WireMockServer canned = cannedTaskPages("c2");
		try {
			WxJavaWeComClient onCanned = new WxJavaWeComClient(settings(URI.create(canned.baseUrl())));

			assertThat(failure(() -> onCanned.taskStatus("msgJL00aaaaXtWyujaWJHDDGi0mAAAA")))
				.isExactlyInstanceOf(TransientConnectorException.class)
				.extracting(ConnectorException::code)
				.isEqualTo("cursor");
			assertThat(canned.findAll(postRequestedFor(urlPathEqualTo(WeComSimulator.GROUPMSG_TASK)))).hasSize(2);
		}
		finally {
			canned.stop();
		}
	}

	@Test
	void marksGroupsWhoseQuotaIsSpentForThePeriod() {
		this.sim.setQuotaPolicy(QuotaPolicy.ONE_PER_DAY);
		String first = createTask().msgId();
		this.sim.confirmTask(first, OWNER);
		String second = this.client
			.createGroupTask(
					new GroupTaskRequest(OWNER, List.of(CHATS.get(1), "wrJL00TaxiChengnan0000003"), ASSIST_TEXT, null))
			.msgId();

		this.sim.confirmTask(second, OWNER);

		assertThat(this.client.sendResults(second, OWNER)).extracting(GroupSendResult::chatId, GroupSendResult::status)
			.containsExactly(tuple(CHATS.get(1), GroupSendResult.QUOTA_SPENT),
					tuple("wrJL00TaxiChengnan0000003", GroupSendResult.SENT));
	}

	@Test
	void remindsAtMostThreeTimesPerDay() {
		String msgId = createTask().msgId();
		for (int i = 0; i < 3; i++) {
			this.client.remind(msgId);
		}

		assertThatThrownBy(() -> this.client.remind(msgId)).isInstanceOf(PermanentConnectorException.class);

		this.clock.advance(Duration.ofHours(24).plusSeconds(1));
		this.client.remind(msgId);
		// the day also outlived the access token: one 42001, one refresh, one repeat
		assertThat(this.sim.recorded(WeComSimulator.GET_TOKEN)).hasSize(2);
		assertThat(this.sim.recorded(WeComSimulator.REMIND)).hasSize(6)
			.allSatisfy((remind) -> assertThat(remind.json().get("msgid").asText()).isEqualTo(msgId));
	}

	@Test
	void cancelsOnlyWhatIsStillUnsent() {
		String unsent = createTask().msgId();
		String sent = createTask().msgId();
		this.sim.confirmTask(sent, OWNER);

		this.client.cancel(unsent);

		assertThatThrownBy(() -> this.client.cancel(sent)).isInstanceOf(PermanentConnectorException.class);
		assertThatThrownBy(() -> this.sim.confirmTask(unsent, OWNER)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void makesKfLinksForValidScenesOnly() throws Exception {
		String link = this.client.kfLink("transport");

		assertThat(link).startsWith("https://work.weixin.qq.com/kf/kfc").contains("?enc_scene=");
		assertThat(this.sim.recorded(WeComSimulator.KF_ADD_CONTACT_WAY).get(0).json())
			.isEqualTo(JSON.readTree("{\"open_kfid\":\"wkJinglingKf0001\",\"scene\":\"transport\"}"));
		assertThatThrownBy(() -> this.client.kfLink("出租车")).isInstanceOf(PermanentConnectorException.class);
		assertThatThrownBy(() -> this.client.kfLink("s".repeat(33))).isInstanceOf(PermanentConnectorException.class);
	}

	@Test
	void syncsEveryKindOfKfMessage() throws Exception {
		this.sim.customerEntersSession(INFORMANT, "transport", "XC-20261130-007");
		this.sim.customerWritesText(INFORMANT, TIP);
		this.sim.customerSendsImage(INFORMANT, JPEG);
		String token = kfToken(this.sim.customerSendsLocation(INFORMANT, 23.1291, 113.2644, "城东加油站", "城东路 88 号"));

		KfBatch batch = this.client.syncKf(token, null);

		assertThat(batch.hasMore()).isFalse();
		assertThat(batch.nextCursor()).isNotEmpty();
		List<KfMessage> messages = batch.messages();
		assertThat(messages).extracting(KfMessage::type).containsExactly("event", "text", "image", "location");
		assertThat(messages).extracting(KfMessage::externalUserId).containsOnly(INFORMANT);
		assertThat(messages.get(0)).satisfies((enter) -> {
			assertThat(enter.origin()).isEqualTo(KfMessage.SYSTEM_EVENT);
			assertThat(enter.eventType()).isEqualTo("enter_session");
			assertThat(enter.scene()).isEqualTo("transport");
			assertThat(enter.sceneParam()).isEqualTo("XC-20261130-007");
		});
		assertThat(messages.get(1).text()).isEqualTo(TIP);
		assertThat(messages.get(1).origin()).isEqualTo(KfMessage.FROM_CUSTOMER);
		assertThat(messages.get(1).sendTime()).isEqualTo(this.clock.instant());
		assertThat(this.client.downloadMedia(messages.get(2).mediaId())).isEqualTo(JPEG);
		assertThat(messages.get(3).location()).isEqualTo(new KfLocation(23.1291, 113.2644, "城东加油站", "城东路 88 号"));
		assertThat(this.sim.recorded(WeComSimulator.KF_SYNC_MSG).get(0).json()).isEqualTo(
				JSON.readTree("{\"token\":\"%s\",\"limit\":1000,\"voice_format\":0,\"open_kfid\":\"wkJinglingKf0001\"}"
					.formatted(token)));
		assertThat(this.client.syncKf(token, batch.nextCursor()).messages()).isEmpty();
	}

	@Test
	void pagesKfMessagesWithoutRepeatingOne() {
		String token = null;
		for (int i = 0; i <= 1000; i++) {
			token = kfToken(this.sim.customerWritesText(INFORMANT, "线索 " + i));
		}

		KfBatch first = this.client.syncKf(token, "");
		KfBatch second = this.client.syncKf(token, first.nextCursor());

		assertThat(first.messages()).hasSize(1000);
		assertThat(first.hasMore()).isTrue();
		assertThat(second.messages()).hasSize(1);
		assertThat(second.hasMore()).isFalse();
		assertThat(second.messages().get(0).text()).isEqualTo("线索 1000");
		Set<String> ids = new HashSet<>();
		first.messages().forEach((message) -> ids.add(message.msgId()));
		second.messages().forEach((message) -> ids.add(message.msgId()));
		assertThat(ids).hasSize(1001);
	}

	@Test
	void refusesASyncTokenOlderThanTenMinutes() {
		String token = kfToken(this.sim.customerWritesText(INFORMANT, TIP));
		this.clock.advance(Duration.ofMinutes(11));

		assertThatThrownBy(() -> this.client.syncKf(token, null)).isInstanceOfSatisfying(
				PermanentConnectorException.class,
				(failure) -> assertThat(failure.getMessage()).contains(WeChatErrors.reason(95007)));
	}

	@Test
	void repliesAtMostFiveTimesWithinFortyEightHoursOfTheCustomersMessage() throws Exception {
		this.sim.customerWritesText(INFORMANT, TIP);
		for (int i = 1; i <= 5; i++) {
			assertThat(this.client.sendKfText(INFORMANT, "已收到，线索编号 XS-20261130-004" + i)).isNotBlank();
		}
		assertThat(this.sim.recorded(WeComSimulator.KF_SEND_MSG).get(0).json()).isEqualTo(JSON.readTree("""
				{"touser":"wmJL00Informant0000000001","open_kfid":"wkJinglingKf0001","msgtype":"text",
				 "text":{"content":"已收到，线索编号 XS-20261130-0041"}}
				"""));

		assertThatThrownBy(() -> this.client.sendKfText(INFORMANT, "第六条")).isInstanceOfSatisfying(
				PermanentConnectorException.class,
				(failure) -> assertThat(failure.getMessage()).contains("已超过 48 小时回复时限或 5 条回复上限，需等线人再次发消息"));

		this.sim.customerWritesText(INFORMANT, "补充：车往城西开了");
		assertThat(this.client.sendKfText(INFORMANT, "已收到补充")).isNotBlank();
		this.clock.advance(Duration.ofHours(48).plusSeconds(1));
		assertThatThrownBy(() -> this.client.sendKfText(INFORMANT, "迟到的回复"))
			.isInstanceOf(PermanentConnectorException.class);
	}

	@Test
	void cannotReplyToSomeoneWhoNeverWrote() {
		assertThatThrownBy(() -> this.client.sendKfText("wmJL00Stranger00000000001", "你好"))
			.isInstanceOf(PermanentConnectorException.class);
	}

	@Test
	void uploadsImagesAsMultipartAndDownloadsThemIntoMemory() {
		String mediaId = this.client.uploadImage("car.jpg", JPEG);

		assertThat(this.client.downloadMedia(mediaId)).isEqualTo(JPEG);
		Recorded upload = this.sim.recorded(WeComSimulator.MEDIA_UPLOAD).get(0);
		assertThat(upload.query()).startsWith("type=image&access_token=");
		assertThat(upload.headers().get("Content-Type")).startsWith("multipart/form-data");
		assertThat(upload.body()).contains("filename=\"car.jpg\"");
		assertThat(this.sim.recorded(WeComSimulator.MEDIA_GET).get(0).query())
			.isEqualTo("access_token=" + accessToken() + "&media_id=" + mediaId);
	}

	@Test
	void unknownMediaIsPermanent() {
		assertThatThrownBy(() -> this.client.downloadMedia("no-such-media")).isInstanceOfSatisfying(
				PermanentConnectorException.class, (failure) -> assertThat(failure.code()).isEqualTo("40007"));
	}

	@Test
	void keepsInformantsTipsAndTokensOutOfTheLog() {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Logger wxJava = (Logger) LoggerFactory.getLogger("me.chanjar");
		Level wxJavaLevel = wxJava.getLevel();
		ListAppender<ILoggingEvent> captured = new ListAppender<>();
		captured.start();
		root.addAppender(captured);
		wxJava.setLevel(Level.DEBUG);
		String token = kfToken(this.sim.customerWritesText(INFORMANT, TIP));
		try {
			this.sim.failNext(WeComSimulator.KF_SYNC_MSG, 42001, 1);
			this.client.syncKf(token, null);
			this.client.sendKfText(INFORMANT, TIP);
			this.sim.failNext(WeComSimulator.KF_SEND_MSG, 45009, 1);
			catchThrowable(() -> this.client.sendKfText(INFORMANT, TIP));
			this.sim.failNext(WeComSimulator.KF_SEND_MSG, -1, 2);
			catchThrowable(() -> this.client.sendKfText(INFORMANT, TIP));
		}
		finally {
			root.detachAppender(captured);
			wxJava.setLevel(wxJavaLevel);
		}

		String accessToken = this.sim.recorded(WeComSimulator.KF_SEND_MSG)
			.get(0)
			.query()
			.substring("access_token=".length());
		assertThat(captured.list).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.getFormattedMessage()).doesNotContain(INFORMANT, TIP, token,
					accessToken, SECRET));
	}

	// Group tasks have one owner each, so the simulator never pages task lists; these
	// canned
	// pages (two owners) exercise the client's cursor handling instead.
	private static WireMockServer cannedTaskPages(String secondNextCursor) {
		WireMockServer canned = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		canned.start();
		canned.stubFor(get(urlPathEqualTo(WeComSimulator.GET_TOKEN))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"canned\",\"expires_in\":7200}")));
		canned.stubFor(post(urlPathEqualTo(WeComSimulator.GROUPMSG_TASK)).inScenario("pages")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson("""
					{"errcode":0,"errmsg":"ok","next_cursor":"c2",
					 "task_list":[{"userid":"liaison_taxi_01","status":2,"send_time":1764471900}]}"""))
			.willSetStateTo("second"));
		canned.stubFor(post(urlPathEqualTo(WeComSimulator.GROUPMSG_TASK)).inScenario("pages")
			.whenScenarioStateIs("second")
			.willReturn(okJson("""
					{"errcode":0,"errmsg":"ok","next_cursor":"%s",
					 "task_list":[{"userid":"liaison_taxi_02","status":0,"send_time":0}]}"""
				.formatted(secondNextCursor))));
		return canned;
	}

	private static ConnectorException failure(ThrowingCallable call) {
		Throwable thrown = catchThrowable(call);
		assertThat(thrown).isInstanceOf(ConnectorException.class);
		return (ConnectorException) thrown;
	}

	private GroupTask createTask() {
		return this.client.createGroupTask(new GroupTaskRequest(OWNER, CHATS, ASSIST_TEXT, null));
	}

	private String accessToken() {
		String query = this.sim.recorded(WeComSimulator.MEDIA_UPLOAD).get(0).query();
		return query.substring(query.indexOf("access_token=") + "access_token=".length());
	}

	static String kfToken(Callback callback) {
		WeComCallbackCrypto crypto = new WeComCallbackCrypto(TOKEN, AES_KEY, CORP_ID, Clock.systemUTC(),
				Duration.ofDays(3650));
		String plaintext = crypto.decrypt(callback.query().get("msg_signature"), callback.query().get("timestamp"),
				callback.query().get("nonce"), callback.body());
		return WeComEventParser.parse(plaintext).kfToken();
	}

}
