package io.jingling.wecom;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.jingling.connectors.wechat.callback.WeComCallbackCrypto;
import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.jingling.connectors.wechat.sim.WeComSimulator.Callback;
import io.jingling.support.Http;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.support.WeComCallbacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeCom's callback: its own signature and encryption, checked before anything is stored.
 */
@HubTest
class WeComCallbackRoutesTest {

	@Autowired
	WeComSimulator weCom;

	@Autowired
	WeComProperties properties;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofMinutes(1));
		this.http = new Http(this.port);
		this.weCom.clearJournal();
	}

	@Test
	void answersTheUrlCheckWithTheDecryptedEcho() {
		var response = WeComCallbacks.get(this.http, this.weCom.urlCheck("6473822916531028"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("6473822916531028");
	}

	@Test
	void refusesAWrongSignature(CapturedOutput output) {
		Callback callback = this.weCom.changeExternalChat("wrJLDemoVillageHekou01", "update", "add_member");
		Map<String, String> forged = new HashMap<>(callback.query());
		forged.put("msg_signature", "0000000000000000000000000000000000000000");

		assertRefused(new Callback(forged, callback.body()), 401);
		assertThat(output).contains("callback.refused bad-signature");
	}

	@Test
	void refusesAStaleCallback() {
		Callback callback = this.weCom.changeExternalChat("wrJLDemoVillageHekou01", "update", "del_member");
		this.clock.advance(Duration.ofMinutes(6));

		assertRefused(callback, 401);
	}

	@Test
	void refusesACallbackEncryptedForAnotherCorp() {
		var otherCorp = new WeComCallbackCrypto(this.properties.token(), this.properties.aesKey(), "wwSomeOtherCorp01",
				this.clock, Duration.ofMinutes(5));
		String encrypt = otherCorp.encrypt("0123456789abcdef",
				"<xml><ToUserName><![CDATA[wwSomeOtherCorp01]]></ToUserName>"
						+ "<CreateTime>1764471600</CreateTime><MsgType><![CDATA[event]]></MsgType>"
						+ "<Event><![CDATA[change_external_chat]]></Event></xml>");
		String timestamp = Long.toString(this.clock.instant().getEpochSecond());
		String signature = WeComCallbackCrypto.signature(this.properties.token(), timestamp, "1372623149", encrypt);
		var callback = new Callback(Map.of("msg_signature", signature, "timestamp", timestamp, "nonce", "1372623149"),
				"<xml><ToUserName><![CDATA[wwSomeOtherCorp01]]></ToUserName><Encrypt><![CDATA[" + encrypt
						+ "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>");

		assertRefused(callback, 401);
	}

	@Test
	void refusesABodyThatIsNotAnEncryptedEnvelope() {
		Callback callback = this.weCom.changeExternalChat("wrJLDemoVillageHekou01", "update", "change_name");

		assertRefused(new Callback(callback.query(), "this is not xml"), 400);
	}

	@Test
	void storesAReplayedCallbackOnce() {
		Callback callback = this.weCom.changeExternalChat("wrJLDemoVillageQingshan01", "update", "change_notice");
		long before = inboxRows();

		assertThat(WeComCallbacks.post(this.http, callback).statusCode()).isEqualTo(200);
		assertThat(WeComCallbacks.post(this.http, callback).statusCode()).isEqualTo(200);

		assertThat(inboxRows()).isEqualTo(before + 1);
	}

	private void assertRefused(Callback callback, int status) {
		long before = inboxRows();
		assertThat(WeComCallbacks.post(this.http, callback).statusCode()).isEqualTo(status);
		assertThat(inboxRows()).isEqualTo(before);
	}

	private long inboxRows() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event WHERE platform = 'wecom'", Long.class);
	}

}
