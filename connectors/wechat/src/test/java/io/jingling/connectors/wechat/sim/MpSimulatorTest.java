package io.jingling.connectors.wechat.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jingling.connectors.wechat.mp.MpCallbackCrypto;
import io.jingling.connectors.wechat.mp.MpMessage;
import io.jingling.connectors.wechat.mp.MpMessageParser;
import io.jingling.connectors.wechat.sim.MpSimulator.Callback;

import static org.assertj.core.api.Assertions.assertThat;

class MpSimulatorTest {

	private static final String APP_ID = "wx00jingling00001";

	private static final String SECRET = "hub-test-wxmp-secret-0001";

	private static final String TOKEN = "JinglingMpToken";

	private static final String AES_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";

	private static final String FOLLOWER = "oJingling_Informant_0001";

	private static final String TIP = "XC-007 城东加油站 白色面包车";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final TestClock clock = new TestClock(Instant.parse("2026-11-30T06:00:00Z"));

	private MpSimulator sim;

	@BeforeEach
	void start() {
		this.sim = MpSimulator.start(APP_ID, SECRET, TOKEN, AES_KEY, this.clock);
	}

	@AfterEach
	void stop() {
		this.sim.close();
	}

	@Test
	void issuesTokensOnlyForTheConfiguredAppAndSecret() throws Exception {
		assertThat(errcode(getToken(APP_ID, "wrong"))).isEqualTo(40001);
		assertThat(errcode(getToken("wx00otheraccount1", SECRET))).isEqualTo(40013);
		assertThat(errcode(get(MpSimulator.TOKEN, "grant_type=client_credential&appid=" + APP_ID))).isEqualTo(41004);
		assertThat(errcode(get(MpSimulator.TOKEN, "grant_type=password&appid=" + APP_ID + "&secret=" + SECRET)))
			.isEqualTo(40002);
		assertThat(errcode(post(MpSimulator.TOKEN, tokenQuery(APP_ID, SECRET), "{}"))).isEqualTo(43001);

		JsonNode issued = getToken(APP_ID, SECRET);

		assertThat(issued.has("errcode")).isFalse();
		assertThat(issued.get("access_token").asText()).startsWith("sim-mp-token-");
		assertThat(issued.get("expires_in").asLong()).isEqualTo(7200);
	}

	@Test
	void eachFetchIssuesANewTokenAndTheOldOneLastsFiveMinutes() throws Exception {
		this.sim.followerWrites(FOLLOWER, TIP);
		String first = getToken(APP_ID, SECRET).get("access_token").asText();
		String second = getToken(APP_ID, SECRET).get("access_token").asText();

		assertThat(second).isNotEqualTo(first);
		this.clock.advance(Duration.ofMinutes(5).minusSeconds(1));
		assertThat(errcode(sendKefu(first, FOLLOWER, "已收到"))).isZero();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(errcode(sendKefu(first, FOLLOWER, "已收到"))).isEqualTo(40001);
		assertThat(errcode(sendKefu(second, FOLLOWER, "已收到"))).isZero();
	}

	@Test
	void refusesExpiredUnknownAndMissingTokens() throws Exception {
		this.sim.followerWrites(FOLLOWER, TIP);
		String token = getToken(APP_ID, SECRET).get("access_token").asText();

		assertThat(errcode(sendKefu("forged", FOLLOWER, "已收到"))).isEqualTo(40014);
		assertThat(errcode(post(MpSimulator.KEFU_SEND, "", kefuText(FOLLOWER, "已收到")))).isEqualTo(41001);
		this.clock.advance(Duration.ofSeconds(7200));
		assertThat(errcode(sendKefu(token, FOLLOWER, "已收到"))).isEqualTo(42001);
	}

	@Test
	void kefuTakesOnlyAJsonPostOfNonEmptyText() throws Exception {
		this.sim.followerWrites(FOLLOWER, TIP);
		String token = getToken(APP_ID, SECRET).get("access_token").asText();

		assertThat(errcode(get(MpSimulator.KEFU_SEND, "access_token=" + token))).isEqualTo(43002);
		assertThat(errcode(post(MpSimulator.KEFU_SEND, "access_token=" + token, "touser=" + FOLLOWER)))
			.isEqualTo(47001);
		assertThat(errcode(sendKefu(token, FOLLOWER, " "))).isEqualTo(44004);
		assertThat(errcode(post(MpSimulator.KEFU_SEND, "access_token=" + token,
				"{\"touser\":\"" + FOLLOWER + "\",\"msgtype\":\"image\",\"image\":{\"media_id\":\"m1\"}}")))
			.isEqualTo(40008);
		assertThat(errcode(sendKefu(token, "", "已收到"))).isEqualTo(40003);
	}

	@Test
	void opensAReplyWindowOfFortyEightHoursAndFiveRepliesPerFollowerMessage() throws Exception {
		String token = getToken(APP_ID, SECRET).get("access_token").asText();
		assertThat(errcode(sendKefu(token, FOLLOWER, "你好"))).isEqualTo(45015);

		this.sim.followerWrites(FOLLOWER, TIP);
		for (int i = 0; i < 5; i++) {
			assertThat(errcode(sendKefu(token, FOLLOWER, "已收到 " + i))).isZero();
		}
		assertThat(errcode(sendKefu(token, FOLLOWER, "第六条"))).isEqualTo(45047);

		this.clock.advance(Duration.ofHours(1));
		this.sim.followerWrites(FOLLOWER, "补充：车往城西开了");
		this.clock.advance(Duration.ofHours(48).minusSeconds(1));
		String later = getToken(APP_ID, SECRET).get("access_token").asText();
		assertThat(errcode(sendKefu(later, FOLLOWER, "已收到补充"))).isZero();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(errcode(sendKefu(later, FOLLOWER, "迟到的回复"))).isEqualTo(45015);
	}

	@Test
	void failsTheNextCallsOnAPathThenServesAgain() throws Exception {
		this.sim.failNext(MpSimulator.TOKEN, -1, 2);

		assertThat(errcode(getToken(APP_ID, SECRET))).isEqualTo(-1);
		assertThat(errcode(getToken(APP_ID, SECRET))).isEqualTo(-1);
		assertThat(getToken(APP_ID, SECRET).has("access_token")).isTrue();
		assertThat(this.sim.recorded(MpSimulator.TOKEN)).hasSize(3)
			.allSatisfy((request) -> assertThat(request.method()).isEqualTo("GET"));
	}

	@Test
	void clearingTheJournalKeepsTokensAndWindows() throws Exception {
		this.sim.followerWrites(FOLLOWER, TIP);
		String token = getToken(APP_ID, SECRET).get("access_token").asText();
		this.sim.failNext(MpSimulator.KEFU_SEND, 45009, 1);

		this.sim.clearJournal();

		assertThat(this.sim.recorded(MpSimulator.TOKEN)).isEmpty();
		assertThat(errcode(sendKefu(token, FOLLOWER, "已收到"))).isZero();
		assertThat(this.sim.recorded(MpSimulator.KEFU_SEND)).singleElement()
			.satisfies((send) -> assertThat(send.json().get("touser").asText()).isEqualTo(FOLLOWER));
	}

	@Test
	void sendsSafeModeCallbacksTheHubCanOpen() {
		Callback first = this.sim.followerWrites(FOLLOWER, TIP);
		Callback second = this.sim.followerWrites(FOLLOWER, TIP);

		assertThat(first.query()).containsEntry("encrypt_type", "aes")
			.containsEntry("openid", FOLLOWER)
			.containsEntry("timestamp", String.valueOf(this.clock.instant().getEpochSecond()))
			.containsKeys("signature", "nonce", "msg_signature");
		assertThat(first.body()).contains("<Encrypt>").doesNotContain(TIP, FOLLOWER);
		MpCallbackCrypto crypto = new MpCallbackCrypto(TOKEN, AES_KEY, APP_ID, this.clock, Duration.ofMinutes(5));
		MpMessage message = MpMessageParser.parse(crypto.open(first.query(), first.body()));
		assertThat(message.msgType()).isEqualTo("text");
		assertThat(message.openId()).isEqualTo(FOLLOWER);
		assertThat(message.content()).isEqualTo(TIP);
		assertThat(message.createTime()).isEqualTo(this.clock.instant().getEpochSecond());
		assertThat(MpMessageParser.parse(crypto.open(second.query(), second.body())).dedupeKey())
			.isNotEqualTo(message.dedupeKey());
	}

	@Test
	void sendsPlainCallbacksWithoutAnAesKey() {
		try (MpSimulator plain = MpSimulator.start(APP_ID, SECRET, TOKEN, "", this.clock)) {
			Callback callback = plain.followerSendsLocation(FOLLOWER, 23.134521, 113.358803, "城东加油站");

			assertThat(callback.query()).doesNotContainKeys("encrypt_type", "msg_signature");
			MpCallbackCrypto crypto = new MpCallbackCrypto(TOKEN, "", APP_ID, this.clock, Duration.ofMinutes(5));
			MpMessage location = MpMessageParser.parse(crypto.open(callback.query(), callback.body()));
			assertThat(location.msgType()).isEqualTo("location");
			assertThat(location.latitude()).isEqualTo(23.134521);
			assertThat(location.longitude()).isEqualTo(113.358803);
			assertThat(location.label()).isEqualTo("城东加油站");
			assertThat(location.msgId()).isNotBlank();
		}
	}

	@Test
	void checksTheCallbackUrlWithASignedEcho() {
		Callback check = this.sim.urlCheck("6473822916531028");
		MpCallbackCrypto crypto = new MpCallbackCrypto(TOKEN, AES_KEY, APP_ID, this.clock, Duration.ofMinutes(5));

		assertThat(check.body()).isNull();
		assertThat(check.query()).containsEntry("echostr", "6473822916531028");
		assertThat(crypto.verifyUrl(check.query().get("signature"), check.query().get("timestamp"),
				check.query().get("nonce"), check.query().get("echostr")))
			.isEqualTo("6473822916531028");
	}

	private JsonNode getToken(String appId, String secret) throws IOException, InterruptedException {
		return get(MpSimulator.TOKEN, tokenQuery(appId, secret));
	}

	private static String tokenQuery(String appId, String secret) {
		return "grant_type=client_credential&appid=" + appId + "&secret=" + secret;
	}

	private JsonNode sendKefu(String token, String openId, String text) throws IOException, InterruptedException {
		return post(MpSimulator.KEFU_SEND, "access_token=" + token, kefuText(openId, text));
	}

	private static String kefuText(String openId, String text) {
		return JSON.createObjectNode()
			.put("touser", openId)
			.put("msgtype", "text")
			.set("text", JSON.createObjectNode().put("content", text))
			.toString();
	}

	private static int errcode(JsonNode answer) {
		return answer.path("errcode").asInt(0);
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

}
