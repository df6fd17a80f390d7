package io.jingling.connectors.wechat.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jingling.connectors.wechat.callback.WeComCallbackCrypto;
import io.jingling.connectors.wechat.callback.WeComEvent;
import io.jingling.connectors.wechat.callback.WeComEventParser;
import io.jingling.connectors.wechat.sim.WeComSimulator.Callback;
import io.jingling.connectors.wechat.sim.WeComSimulator.QuotaPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WeComSimulatorTest {

	private static final String CORP_ID = "ww00jingling000001";

	private static final String SECRET = "hub-test-wecom-secret-0001";

	private static final String TOKEN = "JinglingCbToken";

	private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final String KF_ID = "wkJinglingKf0001";

	private static final String OWNER = "liaison_taxi_01";

	private static final String CHAT = "wrJL00TaxiChengdong0000001";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	// 14:00 in Beijing on the last day of November
	private final TestClock clock = new TestClock(Instant.parse("2026-11-30T06:00:00Z"));

	private WeComSimulator sim;

	@BeforeEach
	void start() {
		this.sim = WeComSimulator.start(CORP_ID, SECRET, TOKEN, AES_KEY, KF_ID, this.clock);
	}

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void issuesTokensOnlyForTheConfiguredCorpAndSecret() throws Exception {
		assertThat(getToken(CORP_ID, "wrong").get("errcode").asInt()).isEqualTo(40001);
		assertThat(getToken("ww00other", SECRET).get("errcode").asInt()).isEqualTo(40013);
		assertThat(get(WeComSimulator.GET_TOKEN, "corpid=" + CORP_ID).get("errcode").asInt()).isEqualTo(41004);

		JsonNode issued = getToken(CORP_ID, SECRET);
		this.clock.advance(Duration.ofSeconds(100));
		JsonNode again = getToken(CORP_ID, SECRET);

		assertThat(issued.get("errcode").asInt()).isZero();
		assertThat(issued.get("expires_in").asLong()).isEqualTo(7200);
		assertThat(again.get("access_token")).isEqualTo(issued.get("access_token"));
		assertThat(again.get("expires_in").asLong()).isEqualTo(7100);
	}

	@Test
	void judgesTokensByTheClock() throws Exception {
		String token = token();
		assertThat(remind(token, "msgUnknown").get("errcode").asInt()).isEqualTo(40058);

		this.clock.advance(Duration.ofSeconds(7200));

		assertThat(remind(token, "msgUnknown").get("errcode").asInt()).isEqualTo(42001);
		assertThat(token()).isNotEqualTo(token);
		assertThat(remind("not-a-token", "msgUnknown").get("errcode").asInt()).isEqualTo(40014);
		assertThat(post(WeComSimulator.REMIND, "", "{\"msgid\":\"m\"}").get("errcode").asInt()).isEqualTo(41001);
	}

	@Test
	void expiringTokensMakesEveryHolderSeeExpiry() throws Exception {
		String token = token();

		this.sim.expireTokens();

		assertThat(remind(token, "msgUnknown").get("errcode").asInt()).isEqualTo(42001);
	}

	@Test
	void acceptsOnlyJsonPosts() throws Exception {
		String token = token();
		HttpResponse<String> getInstead = this.http.send(
				HttpRequest.newBuilder(uri(WeComSimulator.ADD_MSG_TEMPLATE, "access_token=" + token)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> plainText = this.http
			.send(HttpRequest.newBuilder(uri(WeComSimulator.ADD_MSG_TEMPLATE, "access_token=" + token))
				.header("Content-Type", "text/plain")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(JSON.readTree(getInstead.body()).get("errcode").asInt()).isEqualTo(47001);
		assertThat(JSON.readTree(plainText.body()).get("errcode").asInt()).isEqualTo(47001);
		assertThat(post(WeComSimulator.ADD_MSG_TEMPLATE, "access_token=" + token, "not json").get("errcode").asInt())
			.isEqualTo(47001);
	}

	@Test
	void refusesGroupTasksOutsideWeComsLimitsAndCreatesNone() throws Exception {
		String token = token();
		ArrayNode tenImages = JSON.createArrayNode();
		for (int i = 0; i < 10; i++) {
			tenImages.addObject()
				.put("msgtype", "image")
				.putObject("image")
				.put("pic_url", "https://example.org/a.jpg");
		}

		assertThat(addTask(token, task(CHAT).put("sender", ""))).isEqualTo(40058);
		assertThat(addTask(token, task(IntStream.range(0, 2001).mapToObj((i) -> "wr" + i).toArray(String[]::new))))
			.isEqualTo(40058);
		assertThat(addTask(token, task(CHAT).set("text", JSON.createObjectNode().put("content", "线".repeat(1334)))))
			.isEqualTo(45002);
		assertThat(addTask(token, task(CHAT).set("attachments", tenImages))).isEqualTo(40058);
		assertThat(addTask(token, task(CHAT).set("attachments", JSON.readTree("""
				[{"msgtype":"image","image":{"media_id":"no-such-media"}}]""")))).isEqualTo(40007);
		assertThat(addTask(token, task(CHAT).set("attachments", JSON.readTree("""
				[{"msgtype":"link","image":{"media_id":"no-such-media"}}]""")))).isEqualTo(40058);
		assertThat(addTask(token, task(CHAT).put("chat_type", "single"))).isEqualTo(40058);
		assertThat(this.sim.tasksOf(OWNER)).isEmpty();

		assertThat(addTask(token, task(CHAT).set("text", JSON.createObjectNode().put("content", "线".repeat(1333)))))
			.isZero();
		assertThat(this.sim.tasksOf(OWNER)).hasSize(1);
	}

	@Test
	void countsEachGroupsQuotaPerMonthAtConfirmation() throws Exception {
		for (int i = 0; i < 30; i++) {
			assertThat(confirmedStatus()).isEqualTo(1);
		}
		assertThat(confirmedStatus()).isEqualTo(3);

		this.clock.advance(Duration.ofDays(1)); // December starts in Beijing

		assertThat(confirmedStatus()).isEqualTo(1);
	}

	@Test
	void countsSevenPerWeekOrOnePerDayWhenTheAdminSaysSo() throws Exception {
		this.sim.setQuotaPolicy(QuotaPolicy.SEVEN_PER_WEEK);
		for (int i = 0; i < 7; i++) {
			assertThat(confirmedStatus()).isEqualTo(1);
		}
		assertThat(confirmedStatus()).isEqualTo(3);

		this.sim.setQuotaPolicy(QuotaPolicy.ONE_PER_DAY);
		this.clock.advance(Duration.ofDays(1));

		assertThat(confirmedStatus()).isEqualTo(1);
		assertThat(confirmedStatus()).isEqualTo(3);
	}

	@Test
	void onlyTheTasksOwnerCanConfirmIt() throws Exception {
		String token = token();
		addTask(token, task(CHAT));
		String msgId = this.sim.tasksOf(OWNER).get(0);

		assertThatIllegalArgumentException().isThrownBy(() -> this.sim.confirmTask(msgId, "liaison_hotel_01"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.sim.confirmTask("msgUnknown", OWNER));
	}

	@Test
	void signsAndEncryptsCallbacksForTheCorpAtTheClocksTime() {
		Callback written = this.sim.customerWritesText("wmJL00Informant0000000001", "线索");
		Callback changed = this.sim.changeExternalChat(CHAT, "update", "add_member");

		WeComEvent kf = WeComEventParser.parse(decrypt(written));
		WeComEvent chat = WeComEventParser.parse(decrypt(changed));

		assertThat(written.query().get("timestamp")).isEqualTo(String.valueOf(this.clock.instant().getEpochSecond()));
		assertThat(written.body()).contains("<ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName>")
			.doesNotContain("线索");
		assertThat(kf.event()).isEqualTo("kf_msg_or_event");
		assertThat(kf.openKfId()).isEqualTo(KF_ID);
		assertThat(kf.kfToken()).startsWith("ENC");
		assertThat(kf.createTime()).isEqualTo(this.clock.instant().getEpochSecond());
		assertThat(chat.event()).isEqualTo("change_external_chat");
		assertThat(chat.chatId()).isEqualTo(CHAT);
		assertThat(chat.changeType()).isEqualTo("update");
		assertThat(chat.updateDetail()).isEqualTo("add_member");
		assertThat(chat.fromUser()).isEqualTo("sys");
	}

	@Test
	void checksTheCallbackUrlWithAnEncryptedEcho() {
		Callback check = this.sim.urlCheck("6473822916531028");

		assertThat(check.body()).isNull();
		assertThat(crypto().verifyUrl(check.query().get("msg_signature"), check.query().get("timestamp"),
				check.query().get("nonce"), check.query().get("echostr")))
			.isEqualTo("6473822916531028");
	}

	@Test
	void syncsHonouringLimitAndTheThreeDayWindow() throws Exception {
		this.sim.customerWritesText("wmJL00Informant0000000001", "旧线索");
		this.clock.advance(Duration.ofDays(3).plusSeconds(1));
		this.sim.customerWritesText("wmJL00Informant0000000001", "线索一");
		this.sim.customerWritesText("wmJL00Informant0000000002", "线索二");
		String kfToken = WeComEventParser
			.parse(decrypt(this.sim.customerWritesText("wmJL00Informant0000000001", "线索三")))
			.kfToken();
		String token = token();

		JsonNode page = post(WeComSimulator.KF_SYNC_MSG, "access_token=" + token,
				"{\"token\":\"%s\",\"limit\":2,\"open_kfid\":\"%s\"}".formatted(kfToken, KF_ID));
		JsonNode rest = post(WeComSimulator.KF_SYNC_MSG, "access_token=" + token,
				"{\"token\":\"%s\",\"cursor\":\"%s\",\"open_kfid\":\"%s\"}".formatted(kfToken,
						page.get("next_cursor").asText(), KF_ID));

		assertThat(page.get("msg_list")).extracting((message) -> message.path("text").path("content").asText())
			.containsExactly("线索一", "线索二");
		assertThat(page.get("has_more").asInt()).isEqualTo(1);
		assertThat(rest.get("msg_list")).extracting((message) -> message.path("text").path("content").asText())
			.containsExactly("线索三");
		assertThat(rest.get("has_more").asInt()).isZero();
		assertThat(post(WeComSimulator.KF_SYNC_MSG, "access_token=" + token,
				"{\"token\":\"%s\",\"limit\":1001,\"open_kfid\":\"%s\"}".formatted(kfToken, KF_ID))
			.get("errcode")
			.asInt()).isEqualTo(40058);
		assertThat(post(WeComSimulator.KF_SYNC_MSG, "access_token=" + token,
				"{\"token\":\"%s\",\"open_kfid\":\"wkOther\"}".formatted(kfToken))
			.get("errcode")
			.asInt()).isEqualTo(95000);
	}

	@Test
	void failsTheNextCallsThenResumesAndForgetsOnClearJournal() throws Exception {
		this.sim.failNext(WeComSimulator.GET_TOKEN, -1, 1);
		this.sim.failNext(WeComSimulator.REMIND, 60020, 5);

		assertThat(getToken(CORP_ID, SECRET).get("errcode").asInt()).isEqualTo(-1);
		String token = token();
		JsonNode untrusted = remind(token, "msgUnknown");
		this.sim.clearJournal();

		assertThat(untrusted.get("errcode").asInt()).isEqualTo(60020);
		assertThat(untrusted.get("errmsg").asText()).isEqualTo("not allow to access from your ip");
		assertThat(this.sim.recorded(WeComSimulator.REMIND)).isEmpty();
		assertThat(remind(token, "msgUnknown").get("errcode").asInt()).isEqualTo(40058);
	}

	@Test
	void recordsRequestsInArrivalOrder() throws Exception {
		String token = token();
		remind(token, "msg1");
		remind(token, "msg2");

		List<Recorded> reminds = this.sim.recorded(WeComSimulator.REMIND);

		assertThat(reminds).extracting((recorded) -> recorded.json().get("msgid").asText())
			.containsExactly("msg1", "msg2");
		assertThat(reminds.get(0).method()).isEqualTo("POST");
		assertThat(reminds.get(0).query()).isEqualTo("access_token=" + token);
		assertThat(reminds.get(0).headers().get("content-type")).isEqualTo("application/json");
	}

	private int confirmedStatus() throws Exception {
		String token = token(); // days pass between calls, tokens do not last that long
		assertThat(addTask(token, task(CHAT))).isZero();
		List<String> tasks = this.sim.tasksOf(OWNER);
		String msgId = tasks.get(tasks.size() - 1);
		this.sim.confirmTask(msgId, OWNER);
		JsonNode results = post(WeComSimulator.GROUPMSG_SEND_RESULT, "access_token=" + token,
				"{\"msgid\":\"%s\",\"userid\":\"%s\"}".formatted(msgId, OWNER));
		return results.get("send_list").get(0).get("status").asInt();
	}

	private static ObjectNode task(String... chats) {
		ObjectNode task = JSON.createObjectNode()
			.put("chat_type", "group")
			.put("sender", OWNER)
			.put("allow_select", false);
		ArrayNode list = task.putArray("chat_id_list");
		for (String chat : chats) {
			list.add(chat);
		}
		task.putObject("text").put("content", "【协查 XC-20261130-007】寻找白色面包车");
		return task;
	}

	private int addTask(String token, JsonNode task) throws Exception {
		return post(WeComSimulator.ADD_MSG_TEMPLATE, "access_token=" + token, task.toString()).get("errcode").asInt();
	}

	private JsonNode remind(String token, String msgId) throws Exception {
		return post(WeComSimulator.REMIND, "access_token=" + token, "{\"msgid\":\"" + msgId + "\"}");
	}

	private String token() throws Exception {
		return getToken(CORP_ID, SECRET).get("access_token").asText();
	}

	private JsonNode getToken(String corpId, String secret) throws Exception {
		return get(WeComSimulator.GET_TOKEN, "corpid=" + corpId + "&corpsecret=" + secret);
	}

	private JsonNode get(String path, String query) throws IOException, InterruptedException {
		return JSON.readTree(this.http
			.send(HttpRequest.newBuilder(uri(path, query)).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body());
	}

	private JsonNode post(String path, String query, String json) throws IOException, InterruptedException {
		return JSON.readTree(
				this.http
					.send(HttpRequest.newBuilder(uri(path, query))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(json))
						.build(), HttpResponse.BodyHandlers.ofString())
					.body());
	}

	private URI uri(String path, String query) {
		return URI.create(this.sim.baseUrl() + path + (query.isEmpty() ? "" : "?" + query));
	}

	private WeComCallbackCrypto crypto() {
		return new WeComCallbackCrypto(TOKEN, AES_KEY, CORP_ID, this.clock, Duration.ofMinutes(5));
	}

	private String decrypt(Callback callback) {
		return crypto().decrypt(callback.query().get("msg_signature"), callback.query().get("timestamp"),
				callback.query().get("nonce"), callback.body());
	}

}
