package io.jingling.wecom;

import io.jingling.connectors.wechat.callback.CallbackRejectedException;
import io.jingling.connectors.wechat.callback.WeComCallbackCrypto;
import io.jingling.connectors.wechat.callback.WeComEvent;
import io.jingling.connectors.wechat.callback.WeComEventParser;
import io.jingling.inbound.CallbackRefusal;
import org.apache.camel.Header;

import org.springframework.stereotype.Component;

/**
 * Admits a WeCom callback only when its {@code msg_signature}, timestamp and ciphertext
 * (with the corp id inside) hold; refuses before anything is stored.
 */
@Component
class WeComCallbackGate {

	static final int MAX_BODY_CHARS = 64 * 1024;

	private final WeComCallbackCrypto crypto;

	WeComCallbackGate(WeComCallbackCrypto crypto) {
		this.crypto = crypto;
	}

	/**
	 * The URL check WeCom makes when the callback address is saved: answer the decrypted
	 * echo.
	 */
	String verifyUrl(@Header("msg_signature") String signature, @Header("timestamp") String timestamp,
			@Header("nonce") String nonce, @Header("echostr") String echo) {
		try {
			return this.crypto.verifyUrl(signature, timestamp, nonce, echo);
		}
		catch (CallbackRejectedException ex) {
			throw WeChatRefusals.of(ex);
		}
	}

	WeComEvent open(@Header("msg_signature") String signature, @Header("timestamp") String timestamp,
			@Header("nonce") String nonce, String body) {
		if (body != null && body.length() > MAX_BODY_CHARS) {
			throw CallbackRefusal.of(413, "body-too-large");
		}
		try {
			return WeComEventParser.parse(this.crypto.decrypt(signature, timestamp, nonce, body));
		}
		catch (CallbackRejectedException ex) {
			throw WeChatRefusals.of(ex);
		}
	}

}
