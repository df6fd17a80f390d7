package io.jingling.connectors.wechat.sim;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.jingling.connectors.wechat.callback.WeComCallbackCrypto;
import io.jingling.connectors.wechat.mp.MpCallbackCrypto;
import io.jingling.connectors.wechat.sim.MpSimulator.Callback;

import static io.jingling.connectors.wechat.sim.SimulatedCallbacks.element;

// What the Official Account sends to the hub's callback URL: followers' messages as plaintext
// XML, signed with the account's token at the clock's time; in safe mode also encrypted for
// the app id and signed over the ciphertext.
final class SimulatedMpCallbacks {

	// The account's original id (原始 ID), the ToUserName of every callback.
	static final String ORIGINAL_ID = "gh_00jingling01";

	private static final long FIRST_MSG_ID = 24870000000000001L;

	private final String token;

	private final Clock clock;

	private final WeComCallbackCrypto safeMode;

	private final SecureRandom random = new SecureRandom();

	private long nextMsgId = FIRST_MSG_ID;

	SimulatedMpCallbacks(String appId, String token, String aesKey, Clock clock) {
		this.token = token;
		this.clock = clock;
		// only encrypt() is used here, which ignores the window
		this.safeMode = (aesKey != null && !aesKey.isBlank())
				? new WeComCallbackCrypto(token, aesKey, appId, clock, Duration.ofMinutes(5)) : null;
	}

	Callback text(String openId, String text) {
		return message(openId, "text", element("Content", text));
	}

	Callback location(String openId, double lat, double lng, String label) {
		return message(openId, "location",
				"<Location_X>" + BigDecimal.valueOf(lat).toPlainString() + "</Location_X><Location_Y>"
						+ BigDecimal.valueOf(lng).toPlainString() + "</Location_Y><Scale>15</Scale>"
						+ element("Label", label));
	}

	Callback image(String openId, String mediaId) {
		return message(openId, "image",
				element("PicUrl", "https://mmbiz.qpic.cn/sim/" + mediaId) + element("MediaId", mediaId));
	}

	Callback urlCheck(String echo) {
		String timestamp = timestamp();
		String nonce = SimulatedCallbacks.nonce(this.random);
		return new Callback(Map.of("signature", MpCallbackCrypto.signature(this.token, timestamp, nonce), "timestamp",
				timestamp, "nonce", nonce, "echostr", echo), null);
	}

	private synchronized Callback message(String openId, String msgType, String fields) {
		String timestamp = timestamp();
		String plaintext = "<xml>" + element("ToUserName", ORIGINAL_ID) + element("FromUserName", openId)
				+ "<CreateTime>" + timestamp + "</CreateTime>" + element("MsgType", msgType) + fields + "<MsgId>"
				+ this.nextMsgId++ + "</MsgId></xml>";
		String nonce = SimulatedCallbacks.nonce(this.random);
		Map<String, String> query = new HashMap<>();
		query.put("signature", MpCallbackCrypto.signature(this.token, timestamp, nonce));
		query.put("timestamp", timestamp);
		query.put("nonce", nonce);
		query.put("openid", openId);
		if (this.safeMode == null) {
			return new Callback(query, plaintext);
		}
		String encrypt = this.safeMode.encrypt(SimulatedCallbacks.randomText(this.random, 16), plaintext);
		query.put("encrypt_type", "aes");
		query.put("msg_signature", WeComCallbackCrypto.signature(this.token, timestamp, nonce, encrypt));
		return new Callback(query,
				"<xml>" + element("ToUserName", ORIGINAL_ID) + element("Encrypt", encrypt) + "</xml>");
	}

	private String timestamp() {
		return String.valueOf(this.clock.instant().getEpochSecond());
	}

}
