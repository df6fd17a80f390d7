package io.jingling.connectors.wechat.mp;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.jingling.connectors.TransientConnectorException;
import io.jingling.connectors.wechat.client.WeChatErrors;
import io.jingling.connectors.wechat.sim.MpSimulator;
import io.jingling.connectors.wechat.sim.Recorded;
import io.jingling.connectors.wechat.sim.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class WxJavaMpClientTest {

	static final String APP_ID = "wx00jingling00001";

	static final String SECRET = "hub-test-wxmp-secret-0001";

	static final String TOKEN = "JinglingMpToken";

	static final String AES_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";

	static final String FOLLOWER = "oJingling_Informant_0001";

	static final String TIP = "XC-007 城东加油站 白色面包车";

	static final String ACK = "已收到，线索编号 XS-20261130-0041";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TestClock clock = new TestClock(Instant.parse("2026-11-30T06:00:00Z"));

	private MpSimulator sim;

	private WxJavaMpClient client;

	@BeforeEach
	void start() {
		this.sim = MpSimulator.start(APP_ID, SECRET, TOKEN, AES_KEY, this.clock);
		this.client = new WxJavaMpClient(settings(this.sim.baseUrl(), SECRET));
	}

	@AfterEach
	void stop() {
		this.sim.close();
	}

	static MpSettings settings(URI apiUrl, String secret) {
		return new MpSettings(apiUrl, APP_ID, secret, TOKEN, AES_KEY, Duration.ofSeconds(5));
	}

	@Test
	void sendsAKefuTextToTheFollower() throws Exception {
		this.sim.followerWrites(FOLLOWER, TIP);

		assertThat(this.client.sendKefuText(FOLLOWER, ACK)).isEmpty();

		Recorded sent = this.sim.recorded(MpSimulator.KEFU_SEND).get(0);
		assertThat(sent.method()).isEqualTo("POST");
		assertThat(sent.query()).startsWith("access_token=sim-mp-token-");
		assertThat(sent.headers().get("Content-Type")).startsWith("application/json");
		assertThat(sent.json()).isEqualTo(JSON.readTree("""
				{"touser":"oJingling_Informant_0001","msgtype":"text","text":{"content":"%s"}}
				""".formatted(ACK)));
	}

	@Test
	void fetchesTheAccessTokenOnceAndKeepsIt() {
		this.sim.followerWrites(FOLLOWER, TIP);

		this.client.sendKefuText(FOLLOWER, ACK);
		this.client.sendKefuText(FOLLOWER, ACK);

		assertThat(this.sim.recorded(MpSimulator.TOKEN)).singleElement().satisfies((token) -> {
			assertThat(token.method()).isEqualTo("GET");
			assertThat(token.query()).isEqualTo("grant_type=client_credential&appid=" + APP_ID + "&secret=" + SECRET);
		});
		assertThat(this.sim.recorded(MpSimulator.KEFU_SEND)).hasSize(2);
	}

	@Test
	void refreshesAnExpiredTokenOnceAndRepeatsTheCall() {
		this.sim.followerWrites(FOLLOWER, TIP);
		this.client.sendKefuText(FOLLOWER, ACK);
		this.clock.advance(Duration.ofSeconds(7201));

		this.client.sendKefuText(FOLLOWER, ACK);

		assertThat(this.sim.recorded(MpSimulator.TOKEN)).hasSize(2);
		List<Recorded> sends = this.sim.recorded(MpSimulator.KEFU_SEND);
		assertThat(sends).hasSize(3);
		assertThat(sends.get(2).query()).isNotEqualTo(sends.get(1).query());
	}

	@Test
	void refreshesWhenAnotherNodeFetchedANewerToken() {
		this.sim.followerWrites(FOLLOWER, TIP);
		this.client.sendKefuText(FOLLOWER, ACK);
		WxJavaMpClient otherNode = new WxJavaMpClient(settings(this.sim.baseUrl(), SECRET));
		otherNode.sendKefuText(FOLLOWER, ACK);

		this.clock.advance(Duration.ofMinutes(4));
		this.client.sendKefuText(FOLLOWER, ACK);
		assertThat(this.sim.recorded(MpSimulator.TOKEN)).hasSize(2);

		this.clock.advance(Duration.ofMinutes(1));
		this.client.sendKefuText(FOLLOWER, ACK);
		assertThat(this.sim.recorded(MpSimulator.TOKEN)).hasSize(3);
		assertThat(this.sim.recorded(MpSimulator.KEFU_SEND)).hasSize(5);
	}

	@Test
	void aTokenRejectedAfterTheRefreshIsTransient() {
		this.sim.followerWrites(FOLLOWER, TIP);
		this.sim.failNext(MpSimulator.KEFU_SEND, 42001, 2);

		assertThat(failure(() -> this.client.sendKefuText(FOLLOWER, ACK)))
			.isExactlyInstanceOf(TransientConnectorException.class)
			.extracting(ConnectorException::platform, ConnectorException::code)
			.containsExactly("wxmp", "42001");
		assertThat(this.sim.recorded(MpSimulator.TOKEN)).hasSize(2);
		assertThat(this.sim.recorded(MpSimulator.KEFU_SEND)).hasSize(2);
	}

	@Test
	void aBusyAnswerIsRepeatedOnceByWxJava() {
		this.sim.followerWrites(FOLLOWER, TIP);
		this.sim.failNext(MpSimulator.KEFU_SEND, -1, 1);

		this.client.sendKefuText(FOLLOWER, ACK);

		assertThat(this.sim.recorded(MpSimulator.KEFU_SEND)).hasSize(2);
	}

	@Test
	void busyTwiceIsTransientAndNotRepeatedAgain() {
		this.sim.followerWrites(FOLLOWER, TIP);
		this.sim.failNext(MpSimulator.KEFU_SEND, -1, 3);

		assertThat(failure(() -> this.client.sendKefuText(FOLLOWER, ACK)))
			.isExactlyInstanceOf(TransientConnectorException.class)
			.extracting(ConnectorException::code)
			.isEqualTo("-1");
		assertThat(this.sim.recorded(MpSimulator.KEFU_SEND)).hasSize(2);
	}

	@Test
	void aReplyAfterFortyEightHoursIsPermanentWithTheReasonForOfficers() {
		this.sim.followerWrites(FOLLOWER, TIP);
		this.clock.advance(Duration.ofHours(48).plusSeconds(1));

		assertThatThrownBy(() -> this.client.sendKefuText(FOLLOWER, ACK))
			.isInstanceOfSatisfying(PermanentConnectorException.class, (failure) -> {
				assertThat(failure.platform()).isEqualTo("wxmp");
				assertThat(failure.code()).isEqualTo("45015");
				assertThat(failure.getMessage())
					.isEqualTo("WeChat OA kefu send failed with 45015: " + WeChatErrors.reason(45015) + ".")
					.contains("已超过 48 小时回复时限")
					.doesNotContain(FOLLOWER, ACK);
			});
		assertThat(this.sim.recorded(MpSimulator.KEFU_SEND)).hasSize(1);
		assertThatThrownBy(() -> this.client.sendKefuText("oJingling_Stranger_00001", ACK)).isInstanceOfSatisfying(
				PermanentConnectorException.class, (failure) -> assertThat(failure.code()).isEqualTo("45015"));
	}

	@Test
	void downloadsAFollowersPhotoWhileThePlatformKeepsIt() {
		byte[] photo = { (byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9 };
		String stored = this.sim.storeMedia("image", photo);

		assertThat(this.client.downloadMedia(stored)).isEqualTo(photo);
		assertThat(this.sim.recorded(MpSimulator.MEDIA_GET)).hasSize(1);

		this.clock.advance(Duration.ofDays(3).plusSeconds(1));
		assertThatThrownBy(() -> this.client.downloadMedia(stored)).isInstanceOfSatisfying(
				PermanentConnectorException.class, (failure) -> assertThat(failure.code()).isEqualTo("40007"));
	}

	@Test
	void repliesAtMostFiveTimesPerFollowerMessage() {
		this.sim.followerWrites(FOLLOWER, TIP);
		for (int i = 1; i <= 5; i++) {
			this.client.sendKefuText(FOLLOWER, ACK + i);
		}

		assertThatThrownBy(() -> this.client.sendKefuText(FOLLOWER, "第六条"))
			.isInstanceOfSatisfying(PermanentConnectorException.class, (failure) -> {
				assertThat(failure.code()).isEqualTo("45047");
				assertThat(failure.getMessage()).contains(WeChatErrors.reason(45047));
			});

		this.sim.followerSendsLocation(FOLLOWER, 23.134521, 113.358803, "城东加油站");
		assertThat(this.client.sendKefuText(FOLLOWER, "已收到位置")).isEmpty();
	}

	@Test
	void aWrongSecretOrAppIdIsPermanentNamesTheSettingAndIsToldToTheTokenWatch() {
		List<ConnectorException> refusals = new ArrayList<>();
		WxJavaMpClient wrongSecret = new WxJavaMpClient(settings(this.sim.baseUrl(), "not-the-secret"), refusals::add);
		WxJavaMpClient wrongApp = new WxJavaMpClient(
				new MpSettings(this.sim.baseUrl(), "wx00otheraccount1", SECRET, TOKEN, "", Duration.ofSeconds(5)));

		assertThatThrownBy(() -> wrongSecret.sendKefuText(FOLLOWER, ACK))
			.isInstanceOfSatisfying(PermanentConnectorException.class, (failure) -> {
				assertThat(failure.code()).isEqualTo("40001");
				assertThat(failure.getMessage()).contains("jingling.wxmp.secret");
			});
		assertThatThrownBy(() -> wrongApp.sendKefuText(FOLLOWER, ACK))
			.isInstanceOfSatisfying(PermanentConnectorException.class, (failure) -> {
				assertThat(failure.code()).isEqualTo("40013");
				assertThat(failure.getMessage()).contains("jingling.wxmp.app-id");
			});
		assertThat(this.sim.recorded(MpSimulator.KEFU_SEND)).isEmpty();
		assertThat(refusals).singleElement().satisfies((refused) -> {
			assertThat(refused.platform()).isEqualTo("wxmp");
			assertThat(refused.code()).isEqualTo("40001");
			assertThat(refused.getMessage()).doesNotContain("not-the-secret");
		});
	}

	@Test
	void noAnswerIsTransient() {
		WxJavaMpClient unreachable = new WxJavaMpClient(settings(URI.create("http://127.0.0.1:1"), SECRET));

		assertThat(failure(() -> unreachable.sendKefuText(FOLLOWER, ACK)))
			.isExactlyInstanceOf(TransientConnectorException.class)
			.extracting(ConnectorException::code)
			.isEqualTo("io");
	}

	@Test
	void keepsFollowersRepliesAndTokensOutOfTheLog() {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Logger wxJava = (Logger) LoggerFactory.getLogger("me.chanjar");
		Level wxJavaLevel = wxJava.getLevel();
		ListAppender<ILoggingEvent> captured = new ListAppender<>();
		captured.start();
		root.addAppender(captured);
		wxJava.setLevel(Level.DEBUG);
		try {
			this.sim.followerWrites(FOLLOWER, TIP);
			this.client.sendKefuText(FOLLOWER, ACK);
			this.sim.failNext(MpSimulator.KEFU_SEND, 42001, 1);
			this.client.sendKefuText(FOLLOWER, ACK);
			this.sim.failNext(MpSimulator.KEFU_SEND, -1, 2);
			catchThrowable(() -> this.client.sendKefuText(FOLLOWER, ACK));
			this.clock.advance(Duration.ofHours(49));
			catchThrowable(() -> this.client.sendKefuText(FOLLOWER, ACK));
		}
		finally {
			root.detachAppender(captured);
			wxJava.setLevel(wxJavaLevel);
		}

		List<String> secrets = new ArrayList<>(List.of(FOLLOWER, TIP, ACK, SECRET));
		this.sim.recorded(MpSimulator.KEFU_SEND)
			.forEach((send) -> secrets.add(send.query().substring("access_token=".length())));
		assertThat(captured.list).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.getFormattedMessage()).doesNotContain(secrets));
	}

	private static ConnectorException failure(ThrowingCallable call) {
		Throwable thrown = catchThrowable(call);
		assertThat(thrown).isInstanceOf(ConnectorException.class);
		return (ConnectorException) thrown;
	}

}
