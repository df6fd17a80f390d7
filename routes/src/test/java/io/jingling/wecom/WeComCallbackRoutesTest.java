package io.jingling.wecom;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jingling.connectors.wechat.callback.WeComCallbackCrypto;
import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.jingling.connectors.wechat.sim.WeComSimulator.Callback;
import io.jingling.directory.DirectoryStore;
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
import static org.awaitility.Awaitility.await;

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
	WeComCallbackCrypto crypto;

	@Autowired
	DirectoryStore directory;

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
	void keepsAGroupsMemberCountFromMemberChanges() {
		String chat = "wrJLDemoVillageHekou01";
		int known = this.jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE chat_id = ?", Integer.class, chat);
		this.jdbc.update("DELETE FROM group_member_count WHERE chat_id = ?", chat);

		assertThat(WeComCallbacks.post(this.http, this.weCom.membersChanged(chat, "add_member", 3)).statusCode())
			.isEqualTo(200);
		assertThat(WeComCallbacks.post(this.http, this.weCom.membersChanged(chat, "del_member", 1)).statusCode())
			.isEqualTo(200);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> Integer.valueOf(known + 2)
				.equals(this.jdbc
					.queryForList("SELECT members FROM group_member_count WHERE chat_id = ?", Integer.class, chat)
					.stream()
					.findFirst()
					.orElse(null)));
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

	@Test
	void enrolsAContactAddedThroughACirclesJoinWay() {
		long before = villageMembers();

		assertThat(WeComCallbacks.post(this.http, signed("<xml><ToUserName><![CDATA[ww00jinglingdemo01]]></ToUserName>"
				+ "<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>" + this.clock.instant().getEpochSecond()
				+ "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event>"
				+ "<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[liaison_village_01]]></UserID>"
				+ "<ExternalUserID><![CDATA[wmJLNewVillager0001]]></ExternalUserID><State><![CDATA[village-青山镇]]></State>"
				+ "</xml>"))
			.statusCode()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(10)).until(() -> villageMembers() == before + 1);
		assertThat(this.jdbc.queryForObject(
				"SELECT township FROM member WHERE circle_id = 'village' ORDER BY id DESC" + " FETCH FIRST 1 ROWS ONLY",
				String.class))
			.isEqualTo("青山镇");
	}

	@Test
	void stopsBroadcastingToADismissedGroup() {
		WeComCallbacks.post(this.http, this.weCom.changeExternalChat("wrJLDemoMerchantsChengdong01", "dismiss", ""));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.directory.current()
				.customerGroupsOf(List.of("merchants"))
				.stream()
				.noneMatch((group) -> group.chatId().equals("wrJLDemoMerchantsChengdong01")));
		assertThat(this.jdbc.queryForObject("SELECT dismissed FROM customer_group WHERE chat_id = ?", Boolean.class,
				"wrJLDemoMerchantsChengdong01"))
			.isTrue();
	}

	private Callback signed(String plaintext) {
		String encrypt = this.crypto.encrypt("0123456789abcdef", plaintext);
		String timestamp = Long.toString(this.clock.instant().getEpochSecond());
		String signature = WeComCallbackCrypto.signature(this.properties.token(), timestamp, "1372623149", encrypt);
		return new Callback(Map.of("msg_signature", signature, "timestamp", timestamp, "nonce", "1372623149"),
				"<xml><ToUserName><![CDATA[ww00jinglingdemo01]]></ToUserName><Encrypt><![CDATA[" + encrypt
						+ "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>");
	}

	private long villageMembers() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE circle_id = 'village'", Long.class);
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
