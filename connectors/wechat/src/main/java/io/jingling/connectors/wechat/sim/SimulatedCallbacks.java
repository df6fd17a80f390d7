package io.jingling.connectors.wechat.sim;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.jingling.connectors.wechat.callback.WeComCallbackCrypto;
import io.jingling.connectors.wechat.sim.WeComSimulator.Callback;

// What WeCom sends to the hub's callback URL: plaintext events, encrypted for the corp id and
// signed with the app's token at the clock's time, in WeCom's envelope and query.
final class SimulatedCallbacks {

	private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private final String corpId;

	private final String token;

	private final Clock clock;

	private final WeComCallbackCrypto crypto;

	private final SecureRandom random = new SecureRandom();

	SimulatedCallbacks(String corpId, String token, String aesKey, Clock clock) {
		this.corpId = corpId;
		this.token = token;
		this.clock = clock;
		// only encrypt() is used here, which ignores the window
		this.crypto = new WeComCallbackCrypto(token, aesKey, corpId, clock, Duration.ofMinutes(5));
	}

	Callback kfMsgOrEvent(String kfToken, String openKfId) {
		return post(
				event("sys", "kf_msg_or_event") + element("Token", kfToken) + element("OpenKfId", openKfId) + "</xml>");
	}

	Callback changeExternalChat(String chatId, String changeType, String updateDetail, int memberChange) {
		String detail = ((updateDetail != null) ? element("UpdateDetail", updateDetail) : "") + ((memberChange > 0)
				? "<JoinScene>3</JoinScene><MemChangeCnt>" + memberChange + "</MemChangeCnt>" : "");
		return post(event("sys", "change_external_chat") + element("ChatId", chatId) + element("ChangeType", changeType)
				+ detail + "</xml>");
	}

	Callback urlCheck(String echoPlain) {
		String timestamp = timestamp();
		String nonce = nonce(this.random);
		String echostr = this.crypto.encrypt(randomText(this.random, 16), echoPlain);
		return new Callback(
				Map.of("msg_signature", WeComCallbackCrypto.signature(this.token, timestamp, nonce, echostr),
						"timestamp", timestamp, "nonce", nonce, "echostr", echostr),
				null);
	}

	private Callback post(String plaintext) {
		String timestamp = timestamp();
		String nonce = nonce(this.random);
		String encrypt = this.crypto.encrypt(randomText(this.random, 16), plaintext);
		String body = "<xml>" + element("ToUserName", this.corpId) + element("Encrypt", encrypt) + "</xml>";
		return new Callback(
				Map.of("msg_signature", WeComCallbackCrypto.signature(this.token, timestamp, nonce, encrypt),
						"timestamp", timestamp, "nonce", nonce),
				body);
	}

	// The common head of an event's plaintext, <xml> left open for the event's own
	// fields.
	private String event(String fromUser, String event) {
		return "<xml>" + element("ToUserName", this.corpId) + element("FromUserName", fromUser) + "<CreateTime>"
				+ timestamp() + "</CreateTime>" + element("MsgType", "event") + element("Event", event);
	}

	static String element(String name, String value) {
		// "]]>" would end the CDATA section early; split it across two sections
		return "<" + name + "><![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]></" + name + ">";
	}

	private String timestamp() {
		return String.valueOf(this.clock.instant().getEpochSecond());
	}

	static String nonce(SecureRandom random) {
		return String.valueOf(1_000_000_000L + random.nextInt(1_000_000_000));
	}

	static String randomText(SecureRandom random, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
		}
		return text.toString();
	}

}
