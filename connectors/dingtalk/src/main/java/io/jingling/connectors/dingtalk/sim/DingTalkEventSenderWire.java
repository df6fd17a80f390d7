package io.jingling.connectors.dingtalk.sim;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jingling.connectors.dingtalk.events.EventCrypto;
import io.jingling.connectors.dingtalk.events.EventCryptoException;
import io.jingling.connectors.dingtalk.sim.DingTalkEventSender.Tamper;

// What DingTalkEventSender puts on the wire and how it judges the answer: encryption,
// signing and the query of one POST, honest or spoiled.
final class DingTalkEventSenderWire {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String NONCE_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private final URI callbackUrl;

	private final String token;

	private final String ownerKey;

	private final EventCrypto crypto;

	private final EventCrypto otherOwner;

	private final Clock clock;

	DingTalkEventSenderWire(URI callbackUrl, String token, String aesKey, String ownerKey, Clock clock) {
		this.callbackUrl = callbackUrl;
		this.token = token;
		this.ownerKey = ownerKey;
		this.crypto = new EventCrypto(token, aesKey, ownerKey);
		this.otherOwner = new EventCrypto(token, aesKey, ownerKey + "-other");
		this.clock = clock;
	}

	// One POST of the payload, stamped now; tamper is null for an honest delivery.
	HttpRequest request(String payload, Tamper tamper, Duration timeout) {
		long now = this.clock.millis();
		String timestamp = String
			.valueOf((tamper == Tamper.STALE) ? now - DingTalkEventSender.STALE_BY.toMillis() : now);
		String nonce = nonce();
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		String encrypt = ((tamper == Tamper.WRONG_OWNER_KEY) ? this.otherOwner : this.crypto).encrypt(payload, random);
		if (tamper == Tamper.BAD_PADDING) {
			encrypt = spoilPadding(encrypt, payload);
		}
		String signingToken = (tamper == Tamper.FORGED_SIGNATURE) ? this.token + "-forged" : this.token;
		String signature = EventCrypto.signature(signingToken, timestamp, nonce, encrypt);
		return HttpRequest.newBuilder(withQuery(signature, timestamp, nonce))
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"encrypt\":\"" + encrypt + "\"}", StandardCharsets.UTF_8))
			.build();
	}

	// DingTalk's test of an answer: the four fields, a valid signature, and "success".
	boolean isSuccess(String body) {
		try {
			JsonNode answer = JSON.readTree(body);
			String plain = this.crypto.decrypt(text(answer, "msg_signature"), text(answer, "timeStamp"),
					text(answer, "nonce"), text(answer, "encrypt"));
			return EventCrypto.SUCCESS.equals(plain);
		}
		catch (JsonProcessingException | EventCryptoException ex) {
			return false;
		}
	}

	// CBC: flipping a byte of the next-to-last AES block flips the same byte of the last
	// block's plaintext, so XOR-ing the pad value there makes the pad byte decrypt to 0,
	// which is never valid.
	private String spoilPadding(String encrypt, String payload) {
		byte[] cipherText = Base64.getDecoder().decode(encrypt);
		int length = 16 + 4 + payload.getBytes(StandardCharsets.UTF_8).length
				+ this.ownerKey.getBytes(StandardCharsets.UTF_8).length;
		int pad = 32 - (length % 32);
		cipherText[cipherText.length - 17] ^= (byte) pad;
		return Base64.getEncoder().encodeToString(cipherText);
	}

	private URI withQuery(String signature, String timestamp, String nonce) {
		String separator = (this.callbackUrl.getRawQuery() != null) ? "&" : "?";
		return URI.create(this.callbackUrl + separator + "msg_signature=" + signature + "&timestamp=" + timestamp
				+ "&nonce=" + nonce);
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isTextual()) ? value.textValue() : null;
	}

	// 16 characters, like DingTalk's own helper requires.
	private static String nonce() {
		StringBuilder nonce = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			nonce.append(NONCE_CHARS.charAt(RANDOM.nextInt(NONCE_CHARS.length())));
		}
		return nonce.toString();
	}

}
