package io.jingling.connectors.dingtalk.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.TransientConnectorException;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator.Failure;
import io.jingling.connectors.dingtalk.sim.ReadingProfile;
import io.jingling.connectors.dingtalk.sim.Recorded;
import io.jingling.connectors.dingtalk.sim.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdkDingTalkClientWorkNoticeTest {

	private static final String APP_KEY = "dinghubtestappkey01";

	private static final String APP_SECRET = "hub-test-app-secret-0001";

	private static final long AGENT_ID = 3000000001L;

	private static final MessageContent ORDER = new MessageContent("警令 JL-20261130-003", "14:00 前到城东卡点集合");

	private static final WorkNotice ORDER_TO_TWO = new WorkNotice(List.of("officer002", "officer003"), ORDER);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TestClock clock = new TestClock(Instant.parse("2026-11-30T06:00:00Z"));

	private static DingTalkSimulator sim;

	private SdkDingTalkClient client;

	@BeforeAll
	static void startSimulator() {
		sim = DingTalkSimulator.start(APP_KEY, APP_SECRET, APP_KEY, AGENT_ID, clock);
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@BeforeEach
	void newClient() {
		sim.reset();
		this.client = client(AGENT_ID);
	}

	@Test
	void sendsMarkdownToTheOldApiWithTheSameToken() throws Exception {
		this.client.sendToUsers(new UserMessage(List.of("officer002"), ORDER));

		WorkNoticeSent sent = this.client.sendWorkNotice(ORDER_TO_TWO);

		assertThat(sent.taskId()).isPositive();
		String token = sim.recorded(DingTalkSimulator.SEND_USERS).get(0).headers().get("x-acs-dingtalk-access-token");
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).as("one token for both APIs").hasSize(1);
		assertThat(sim.recorded(DingTalkSimulator.WORK_NOTICE_SEND)).singleElement().satisfies((send) -> {
			assertThat(send.method()).isEqualTo("POST");
			assertThat(send.query()).isEqualTo("access_token=" + token);
			assertThat(send.headers().get("Content-Type")).startsWith("application/json");
			assertThat(send.headers()).doesNotContainKey("x-acs-dingtalk-access-token");
			assertThat(send.json()).isEqualTo(JSON.readTree("""
					{"agent_id":3000000001,"userid_list":"officer002,officer003",
					 "msg":{"msgtype":"markdown","markdown":{"title":"警令 JL-20261130-003","text":"14:00 前到城东卡点集合"}}}
					"""));
		});
	}

	@Test
	void resultFollowsTheReadingProfileAsTheClockMoves() throws Exception {
		sim.setReadingProfile(ReadingProfile.of(Map.of("officer002", Duration.ofMinutes(2))));
		long taskId = this.client.sendWorkNotice(ORDER_TO_TWO).taskId();

		WorkNoticeResult before = this.client.workNoticeResult(taskId);
		clock.advance(Duration.ofMinutes(2));
		WorkNoticeResult after = this.client.workNoticeResult(taskId);

		assertThat(before.read()).isEmpty();
		assertThat(before.unread()).containsExactlyInAnyOrder("officer002", "officer003");
		assertThat(after.read()).containsExactly("officer002");
		assertThat(after.unread()).containsExactly("officer003");
		assertThat(after.forbidden()).isEmpty();
		assertThat(after.invalid()).isEmpty();
		assertThat(after.failed()).isEmpty();
		assertThat(sim.recorded(DingTalkSimulator.WORK_NOTICE_RESULT).get(0).json())
			.isEqualTo(JSON.readTree("{\"agent_id\":3000000001,\"task_id\":" + taskId + "}"));
	}

	@Test
	void sameContentToTheSameUserTwiceADayIsForbiddenNotDelivered() {
		sim.setReadingProfile(ReadingProfile.after(Duration.ofMinutes(1)));
		this.client.sendWorkNotice(new WorkNotice(List.of("officer002"), ORDER));

		long again = this.client.sendWorkNotice(ORDER_TO_TWO).taskId();
		clock.advance(Duration.ofMinutes(5));
		WorkNoticeResult result = this.client.workNoticeResult(again);

		assertThat(result.forbidden()).containsExactly("officer002");
		assertThat(result.forbiddenCodes()).containsExactly(Map.entry("officer002", "143106"));
		assertThat(result.read()).as("forbidden users are neither read nor unread").containsExactly("officer003");
		assertThat(result.unread()).isEmpty();

		clock.advance(Duration.ofDays(1));
		long nextDay = this.client.sendWorkNotice(new WorkNotice(List.of("officer002"), ORDER)).taskId();
		assertThat(this.client.workNoticeResult(nextDay).forbidden()).as("a new day").isEmpty();
	}

	@Test
	void recallLeavesUnreadUsersUnread() {
		sim.setReadingProfile(
				ReadingProfile.of(Map.of("officer002", Duration.ofMinutes(1), "officer003", Duration.ofMinutes(10))));
		long taskId = this.client.sendWorkNotice(ORDER_TO_TWO).taskId();
		clock.advance(Duration.ofMinutes(2));

		this.client.recallWorkNotice(taskId);
		clock.advance(Duration.ofMinutes(20));

		WorkNoticeResult result = this.client.workNoticeResult(taskId);
		assertThat(result.read()).containsExactly("officer002");
		assertThat(result.unread()).containsExactly("officer003");
		assertThat(sim.recorded(DingTalkSimulator.WORK_NOTICE_RECALL)).singleElement()
			.extracting(Recorded::json)
			.satisfies((body) -> assertThat(body)
				.isEqualTo(JSON.readTree("{\"agent_id\":3000000001,\"msg_task_id\":" + taskId + "}")));
	}

	@Test
	void refreshesOnceWhenTheOldApiRejectsTheToken() {
		this.client.sendWorkNotice(new WorkNotice(List.of("officer002"), ORDER));
		sim.expireTokens();

		WorkNoticeSent sent = this.client.sendWorkNotice(new WorkNotice(List.of("officer003"), ORDER));

		assertThat(sent.taskId()).isPositive();
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).hasSize(2);
		List<String> queries = sim.recorded(DingTalkSimulator.WORK_NOTICE_SEND).stream().map(Recorded::query).toList();
		assertThat(queries).hasSize(3);
		assertThat(queries.get(1)).as("the expired token, refused with 88/40014").isEqualTo(queries.get(0));
		assertThat(queries.get(2)).isNotEqualTo(queries.get(1));
	}

	@Test
	void givesUpAfterTheSecondTokenRejection() {
		sim.failNext(DingTalkSimulator.WORK_NOTICE_SEND, Failure.TOKEN_EXPIRED, 3);

		assertThatThrownBy(() -> this.client.sendWorkNotice(ORDER_TO_TWO))
			.isInstanceOfSatisfying(TransientConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("40014"))
			.isNotInstanceOf(ThrottledConnectorException.class);
		assertThat(sim.recorded(DingTalkSimulator.WORK_NOTICE_SEND)).as("one call, one retry, no loop").hasSize(2);
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).hasSize(2);
	}

	@Test
	void mapsOldApiErrcodes() {
		sim.failNext(DingTalkSimulator.WORK_NOTICE_SEND, Failure.THROTTLED, 1);
		sim.failNext(DingTalkSimulator.WORK_NOTICE_SEND, Failure.BUSY, 1);
		sim.failNext(DingTalkSimulator.WORK_NOTICE_SEND, Failure.BAD_REQUEST, 1);

		assertThatThrownBy(() -> this.client.sendWorkNotice(ORDER_TO_TWO))
			.isInstanceOfSatisfying(ThrottledConnectorException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo("90018");
				assertThat(ex.backoff()).isEqualTo(Duration.ofSeconds(1));
			});
		assertThatThrownBy(() -> this.client.sendWorkNotice(ORDER_TO_TWO))
			.isInstanceOfSatisfying(TransientConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("-1"))
			.isNotInstanceOf(ThrottledConnectorException.class);
		assertThatThrownBy(() -> this.client.sendWorkNotice(ORDER_TO_TWO))
			.isInstanceOfSatisfying(PermanentConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("40035"))
			.hasMessageNotContaining("城东");
		assertThat(sim.recorded(DingTalkSimulator.WORK_NOTICE_SEND)).as("no retries of our own").hasSize(3);
	}

	@Test
	void anotherAppsAgentIdIsPermanent() {
		assertThatThrownBy(() -> client(3000000002L).sendWorkNotice(ORDER_TO_TWO)).isInstanceOfSatisfying(
				PermanentConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("41020"));
	}

	@Test
	void withoutAnAgentIdNothingIsSent() {
		URI url = sim.baseUrl();
		var noAgent = new SdkDingTalkClient(
				new DingTalkSettings(url, url, APP_KEY, APP_SECRET, APP_KEY, Duration.ofSeconds(2)), clock);

		assertThatThrownBy(() -> noAgent.sendWorkNotice(ORDER_TO_TWO)).isInstanceOfSatisfying(
				PermanentConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("agentId.missing"));
		assertThatThrownBy(() -> noAgent.workNoticeResult(1)).isInstanceOfSatisfying(PermanentConnectorException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("agentId.missing"));
		assertThatThrownBy(() -> noAgent.recallWorkNotice(1)).isInstanceOfSatisfying(PermanentConnectorException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("agentId.missing"));
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).as("not even a token").isEmpty();
		assertThat(sim.recorded(DingTalkSimulator.WORK_NOTICE_SEND)).isEmpty();
	}

	@Test
	void unknownTaskIsPermanent() {
		assertThatThrownBy(() -> this.client.workNoticeResult(42)).isInstanceOfSatisfying(
				PermanentConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("40035"));
	}

	@Test
	void takesOneToAHundredUsersAndHidesTheContent() {
		List<String> hundredOne = IntStream.rangeClosed(1, 101).mapToObj((i) -> "officer" + i).toList();

		assertThat(new WorkNotice(hundredOne.subList(0, 100), ORDER).userIds()).hasSize(WorkNotice.MAX_USERS);
		assertThatIllegalArgumentException().isThrownBy(() -> new WorkNotice(hundredOne, ORDER));
		assertThatIllegalArgumentException().isThrownBy(() -> new WorkNotice(List.of(), ORDER));
		assertThatIllegalArgumentException().isThrownBy(() -> new WorkNotice(List.of("a,b"), ORDER));
		assertThat(ORDER_TO_TWO).asString().doesNotContain("城东").doesNotContain("officer002").contains("userIds=2");
	}

	@Test
	void keepsTokensUserIdsAndContentOutOfTheLog() {
		Logger logger = (Logger) LoggerFactory.getLogger("io.jingling");
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		logger.addAppender(log);
		try {
			sim.setReadingProfile(ReadingProfile.after(Duration.ZERO));
			long taskId = this.client.sendWorkNotice(ORDER_TO_TWO).taskId();
			sim.expireTokens();
			this.client.workNoticeResult(taskId);
			String key = this.client.sendToUsers(new UserMessage(List.of("officer002"), ORDER)).processQueryKey();
			this.client.userReads(key);
			sim.failNext(DingTalkSimulator.WORK_NOTICE_SEND, Failure.BAD_REQUEST, 1);
			assertThatThrownBy(() -> this.client.sendWorkNotice(ORDER_TO_TWO))
				.isInstanceOf(PermanentConnectorException.class);
		}
		finally {
			logger.detachAppender(log);
		}

		List<String> tokens = sim.recorded(DingTalkSimulator.WORK_NOTICE_SEND)
			.stream()
			.map((send) -> send.query().substring("access_token=".length()))
			.distinct()
			.toList();
		assertThat(tokens).hasSize(2);
		List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		assertThat(lines).anyMatch((line) -> line.startsWith("dingtalk.token rejected"))
			.anyMatch((line) -> line.startsWith("dingtalk.send ok operation=work-notice recipients=2"))
			.noneMatch((line) -> line.contains(tokens.get(0)) || line.contains(tokens.get(1)))
			.noneMatch((line) -> line.contains("officer00") || line.contains("城东") || line.contains("警令"));
	}

	private static SdkDingTalkClient client(long agentId) {
		URI url = sim.baseUrl();
		return new SdkDingTalkClient(
				new DingTalkSettings(url, url, APP_KEY, APP_SECRET, APP_KEY, Duration.ofSeconds(2), agentId), clock);
	}

}
