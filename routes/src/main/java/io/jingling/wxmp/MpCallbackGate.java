package io.jingling.wxmp;

import java.util.HashMap;
import java.util.Map;

import io.jingling.connectors.wechat.callback.CallbackRejectedException;
import io.jingling.connectors.wechat.mp.MpCallbackCrypto;
import io.jingling.connectors.wechat.mp.MpMessage;
import io.jingling.connectors.wechat.mp.MpMessageParser;
import io.jingling.inbound.CallbackRefusal;
import io.jingling.wecom.WeChatRefusals;
import org.apache.camel.Header;

/**
 * Admits an Official Account callback only when its signature, timestamp and (safe mode)
 * ciphertext hold.
 */
class MpCallbackGate {

	private static final int MAX_BODY_CHARS = 64 * 1024;

	private final MpCallbackCrypto crypto;

	MpCallbackGate(MpCallbackCrypto crypto) {
		this.crypto = crypto;
	}

	String verifyUrl(@Header("signature") String signature, @Header("timestamp") String timestamp,
			@Header("nonce") String nonce, @Header("echostr") String echo) {
		try {
			return this.crypto.verifyUrl(signature, timestamp, nonce, echo);
		}
		catch (CallbackRejectedException ex) {
			throw WeChatRefusals.of(ex);
		}
	}

	MpMessage open(@Header("signature") String signature, @Header("msg_signature") String msgSignature,
			@Header("timestamp") String timestamp, @Header("nonce") String nonce,
			@Header("encrypt_type") String encryptType, String body) {
		if (body != null && body.length() > MAX_BODY_CHARS) {
			throw CallbackRefusal.of(413, "body-too-large");
		}
		Map<String, String> query = new HashMap<>();
		put(query, "signature", signature);
		put(query, "msg_signature", msgSignature);
		put(query, "timestamp", timestamp);
		put(query, "nonce", nonce);
		put(query, "encrypt_type", encryptType);
		try {
			return MpMessageParser.parse(this.crypto.open(query, body));
		}
		catch (CallbackRejectedException ex) {
			throw WeChatRefusals.of(ex);
		}
	}

	private static void put(Map<String, String> query, String key, String value) {
		if (value != null) {
			query.put(key, value);
		}
	}

}
