package io.jingling.connectors.dingtalk.sim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jingling.connectors.dingtalk.sim.DingTalkSimulator.Failure;
import io.jingling.connectors.dingtalk.sim.SimulatorHttp.Answered;

import static org.assertj.core.api.Assertions.assertThat;

class DingTalkSimulatorWorkNoticeTest {

	private static final String APP_KEY = "dinghubtestappkey01";

	private static final String APP_SECRET = "hub-test-app-secret-0001";

	private static final String JSON_TYPE = "application/json";

	private static final String FORM_TYPE = "application/x-www-form-urlencoded";

	private static final String MSG = "{\"msgtype\":\"text\",\"text\":{\"content\":\"警令 JL-20261130-003\"}}";

	private static final ObjectMapper JSON = new ObjectMapper();

	// 2026-11-30 10:00 in China: the day rolls over 14 hours later
	private static final TestClock clock = new TestClock(Instant.parse("2026-11-30T02:00:00Z"));

	private static DingTalkSimulator sim;

	private static SimulatorHttp http;

	private String token;

	@BeforeAll
	static void startSimulator() {
		sim = DingTalkSimulator.start(APP_KEY, APP_SECRET, APP_KEY, clock);
		http = new SimulatorHttp(sim, APP_KEY, APP_SECRET);
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@BeforeEach
	void resetSimulator() throws Exception {
		sim.reset();
		this.token = http.token();
	}

	@Test
	void acceptsJsonAndAnswersATaskId() throws Exception {
		Answered first = send(DingTalkSimulator.DEFAULT_AGENT_ID, "officer002,officer003", MSG);
		Answered second = send(DingTalkSimulator.DEFAULT_AGENT_ID, "officer004", MSG);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.errcode()).isZero();
		assertThat(first.json().get("errmsg").asText()).isEqualTo("ok");
		assertThat(first.json().get("request_id").asText()).isNotBlank();
		assertThat(second.json().get("task_id").asLong()).isGreaterThan(first.json().get("task_id").asLong());
	}

	@Test
	void acceptsTheFormTheOldSdkSends() throws Exception {
		String form = "agent_id=" + DingTalkSimulator.DEFAULT_AGENT_ID + "&userid_list=officer002%2Cofficer003&msg="
				+ URLEncoder.encode(MSG, StandardCharsets.UTF_8);

		Answered sent = http.oapi(DingTalkSimulator.WORK_NOTICE_SEND, this.token, FORM_TYPE, form);
		Answered result = http.oapi(DingTalkSimulator.WORK_NOTICE_RESULT, this.token, FORM_TYPE,
				"agent_id=" + DingTalkSimulator.DEFAULT_AGENT_ID + "&task_id=" + sent.json().get("task_id").asLong());

		assertThat(sent.errcode()).isZero();
		assertThat(result.errcode()).isZero();
		assertThat(result.json().at("/send_result/unread_user_id_list")).extracting(JsonNode::asText)
			.containsExactly("officer002", "officer003");
	}

	@Test
	void checksTheAccessTokenInTheQueryOldApiStyle() throws Exception {
		Answered missing = http.oapi(DingTalkSimulator.WORK_NOTICE_SEND, null, JSON_TYPE, body(3300000001L, "u1", MSG));
		Answered unknown = http.oapi(DingTalkSimulator.WORK_NOTICE_SEND, "made-up-token", JSON_TYPE,
				body(3300000001L, "u1", MSG));
		sim.expireTokens();
		Answered expired = send(DingTalkSimulator.DEFAULT_AGENT_ID, "u1", MSG);

		assertThat(missing.status()).isEqualTo(200);
		assertThat(missing.errcode()).isEqualTo(88);
		assertThat(missing.json().get("sub_code").asText()).isEqualTo("40000");
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.json().get("sub_code").asText()).isEqualTo("40014");
		assertThat(expired.json().get("sub_code").asText()).isEqualTo("40014");
	}

	@Test
	void validatesNoticesLikeDingTalk() throws Exception {
		String hundredOne = IntStream.rangeClosed(1, 101).mapToObj((i) -> "u" + i).collect(Collectors.joining(","));
		String hundred = IntStream.rangeClosed(1, 100).mapToObj((i) -> "u" + i).collect(Collectors.joining(","));

		assertThat(send(3300000002L, "u1", MSG).errcode()).as("another app's agent").isEqualTo(41020);
		assertThat(http
			.oapi(DingTalkSimulator.WORK_NOTICE_SEND, this.token, JSON_TYPE,
					"{\"userid_list\":\"u1\",\"msg\":" + MSG + "}")
			.errcode()).isEqualTo(40035);
		assertThat(send(DingTalkSimulator.DEFAULT_AGENT_ID, hundredOne, MSG).errcode()).isEqualTo(40035);
		assertThat(send(DingTalkSimulator.DEFAULT_AGENT_ID, hundred, MSG).errcode()).isZero();
		assertThat(send(DingTalkSimulator.DEFAULT_AGENT_ID, "", MSG).errcode()).isEqualTo(40035);
		assertThat(send(DingTalkSimulator.DEFAULT_AGENT_ID, "u1",
				"{\"msgtype\":\"text\",\"text\":{\"content\":\"c\"},\"markdown\":{\"title\":\"t\",\"text\":\"m\"}}")
			.errcode()).as("two content types").isEqualTo(40035);
		assertThat(send(DingTalkSimulator.DEFAULT_AGENT_ID, "u1",
				"{\"msgtype\":\"markdown\",\"text\":{\"content\":\"c\"}}")
			.errcode()).as("content of another type").isEqualTo(40035);
		assertThat(send(DingTalkSimulator.DEFAULT_AGENT_ID, "u1", "{\"msgtype\":\"html\",\"html\":{}}").errcode())
			.isEqualTo(40035);
	}

	@Test
	void forbidsTheSameContentToTheSameUserTwiceADay() throws Exception {
		long first = send(DingTalkSimulator.DEFAULT_AGENT_ID, "officer002", MSG).json().get("task_id").asLong();
		Answered again = send(DingTalkSimulator.DEFAULT_AGENT_ID, "officer002,officer003", MSG);
		long other = send(DingTalkSimulator.DEFAULT_AGENT_ID, "officer002",
				"{\"msgtype\":\"text\",\"text\":{\"content\":\"另一条\"}}")
			.json()
			.get("task_id")
			.asLong();

		assertThat(again.errcode()).as("DingTalk still says ok").isZero();
		JsonNode result = result(again.json().get("task_id").asLong()).json().get("send_result");
		assertThat(result.get("forbidden_user_id_list")).extracting(JsonNode::asText).containsExactly("officer002");
		assertThat(result.get("forbidden_list"))
			.containsExactly(JSON.readTree("{\"code\":\"143106\",\"count\":1,\"userid\":\"officer002\"}"));
		assertThat(result.get("unread_user_id_list")).extracting(JsonNode::asText).containsExactly("officer003");
		assertThat(result.get("read_user_id_list")).isEmpty();
		assertThat(result(first).json().at("/send_result/forbidden_list")).isEmpty();
		assertThat(result(other).json().at("/send_result/forbidden_list")).as("other content").isEmpty();

		clock.advance(Duration.ofHours(14));
		this.token = http.token(); // the old one lived two hours
		long tomorrow = send(DingTalkSimulator.DEFAULT_AGENT_ID, "officer002", MSG).json().get("task_id").asLong();
		assertThat(result(tomorrow).json().at("/send_result/forbidden_list")).as("a new day in China").isEmpty();
	}

	@Test
	void forbidsTheFiveHundredAndFirstNoticeToAUserInADay() throws Exception {
		for (int i = 0; i < 500; i++) {
			send(DingTalkSimulator.DEFAULT_AGENT_ID, "officer002",
					"{\"msgtype\":\"text\",\"text\":{\"content\":\"第" + i + "条\"}}");
		}

		long taskId = send(DingTalkSimulator.DEFAULT_AGENT_ID, "officer002",
				"{\"msgtype\":\"text\",\"text\":{\"content\":\"第501条\"}}")
			.json()
			.get("task_id")
			.asLong();

		assertThat(result(taskId).json().at("/send_result/forbidden_list"))
			.containsExactly(JSON.readTree("{\"code\":\"143105\",\"count\":500,\"userid\":\"officer002\"}"));
	}

	@Test
	void readsFollowTheProfileAndMarkReadUntilRecalled() throws Exception {
		sim.setReadingProfile(ReadingProfile.demo());
		long taskId = send(DingTalkSimulator.DEFAULT_AGENT_ID, "officer002,officer003", MSG).json()
			.get("task_id")
			.asLong();
		sim.markRead(String.valueOf(taskId), "officer003");

		JsonNode result = result(taskId).json().get("send_result");
		assertThat(result.get("read_user_id_list")).extracting(JsonNode::asText).containsExactly("officer003");

		Answered recalled = http.oapi(DingTalkSimulator.WORK_NOTICE_RECALL, this.token, JSON_TYPE,
				"{\"agent_id\":3300000001,\"msg_task_id\":" + taskId + "}");
		clock.advance(Duration.ofHours(1));

		assertThat(recalled.errcode()).isZero();
		assertThat(result(taskId).json().at("/send_result/read_user_id_list")).extracting(JsonNode::asText)
			.as("officer002 could no longer read it")
			.containsExactly("officer003");
		assertThat(http
			.oapi(DingTalkSimulator.WORK_NOTICE_RECALL, this.token, JSON_TYPE,
					"{\"agent_id\":3300000001,\"msg_task_id\":42}")
			.errcode()).isEqualTo(40035);
	}

	@Test
	void failureSwitchesAnswerOldApiStyle() throws Exception {
		sim.failNext(DingTalkSimulator.WORK_NOTICE_SEND, Failure.THROTTLED, 1);
		sim.failNext(DingTalkSimulator.WORK_NOTICE_SEND, Failure.TOKEN_EXPIRED, 1);
		sim.failNext(DingTalkSimulator.WORK_NOTICE_SEND, Failure.BUSY, 1);
		sim.failNext(DingTalkSimulator.WORK_NOTICE_SEND, Failure.BAD_REQUEST, 1);

		assertThat(send(DingTalkSimulator.DEFAULT_AGENT_ID, "u1", MSG).errcode()).isEqualTo(90018);
		Answered token = send(DingTalkSimulator.DEFAULT_AGENT_ID, "u1", MSG);
		assertThat(token.status()).isEqualTo(200);
		assertThat(token.json().get("sub_code").asText()).isEqualTo("40014");
		assertThat(send(DingTalkSimulator.DEFAULT_AGENT_ID, "u1", MSG).errcode()).isEqualTo(-1);
		assertThat(send(DingTalkSimulator.DEFAULT_AGENT_ID, "u1", MSG).errcode()).isEqualTo(40035);
		assertThat(send(DingTalkSimulator.DEFAULT_AGENT_ID, "u1", MSG).errcode()).isZero();
		assertThat(sim.recorded(DingTalkSimulator.WORK_NOTICE_SEND)).hasSize(5)
			.allSatisfy((r) -> assertThat(r.query()).isEqualTo("access_token=" + this.token));
	}

	@Test
	void takesTheAgentIdItWasStartedWith() throws Exception {
		try (DingTalkSimulator other = DingTalkSimulator.start(APP_KEY, APP_SECRET, APP_KEY, 3000000001L, clock)) {
			SimulatorHttp otherHttp = new SimulatorHttp(other, APP_KEY, APP_SECRET);
			String otherToken = otherHttp.token();

			assertThat(otherHttp
				.oapi(DingTalkSimulator.WORK_NOTICE_SEND, otherToken, JSON_TYPE, body(3000000001L, "u1", MSG))
				.errcode()).isZero();
			assertThat(otherHttp
				.oapi(DingTalkSimulator.WORK_NOTICE_SEND, otherToken, JSON_TYPE,
						body(DingTalkSimulator.DEFAULT_AGENT_ID, "u1", MSG))
				.errcode()).isEqualTo(41020);
		}
	}

	private Answered send(long agentId, String userIds, String msg) throws Exception {
		return http.oapi(DingTalkSimulator.WORK_NOTICE_SEND, this.token, JSON_TYPE, body(agentId, userIds, msg));
	}

	private Answered result(long taskId) throws Exception {
		return http.oapi(DingTalkSimulator.WORK_NOTICE_RESULT, this.token, JSON_TYPE,
				"{\"agent_id\":" + DingTalkSimulator.DEFAULT_AGENT_ID + ",\"task_id\":" + taskId + "}");
	}

	private static String body(long agentId, String userIds, String msg) {
		return "{\"agent_id\":" + agentId + ",\"userid_list\":\"" + userIds + "\",\"msg\":" + msg + "}";
	}

}
