package io.jingling.connectors.wechat.mp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jingling.connectors.wechat.callback.CallbackRejectedException;
import io.jingling.connectors.wechat.callback.CallbackRejectedException.Reason;
import io.jingling.connectors.wechat.callback.WeComCallbackCrypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MpCallbackCryptoTest {

	// The Official Account golden vectors of the WeChat reference, section 12.8.
	private static final String TOKEN = "JinglingMpToken";

	private static final String TIMESTAMP = "1764471900";

	private static final String NONCE = "730912466";

	private static final String SIGNATURE = "7d16ba78af046b6f62dda41789234bba69bea459";

	private static final String AES_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";

	private static final String APP_ID = "wx00jingling00001";

	private static final String PREFIX = "abcdef0123456789";

	private static final String PLAINTEXT = "<xml><ToUserName><![CDATA[gh_00jingling01]]></ToUserName><FromUserName><![CDATA[oJingling_Informant_0001]]></FromUserName><CreateTime>1764471900</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[XC-007 城东加油站 白色面包车]]></Content><MsgId>24870000000000001</MsgId></xml>";

	private static final String ENCRYPT = "m3RsK1vLxeJIl4zUBwZBwXdZXi4xgqJUu8XEXcDSGrHc/by/C00OolZvjKb/lHUfbGBvCCZa4CtcJ6Ze/SyWgHiwvT4Iu1pibiQDwMhbBUZBs7N/xCOFFxwwyS7y7lZXXJXu8lYOKbzusoAllNFSRp8x9gTUNhnwjuEWT6w616oiZwo4h86eHs5S2A9uVg0JorfZ/Yj1+m9L9LZ/N14Wesmr0Zsc0r8iVs5n4vboaTlZgHbznvOoXOM4V4KipTdhaa+C/ASa70rHQflCl7zrYPYBwTg36OoMcIgT9ZOU+hK7pgqzQoKUxurGxZbXoKibEvxqZO6MrvZSzpjL4YlVKmAIN2OjnBtQGrPSJQ6CfkOPSw0Xs/5zcj4xSUAChRiYkULhbgzbf+gnCBNIrkQQFLxpcwIuh0Ypr4E60OM8f3PbEGcweMNi70/LW8GnPatdOrMZZydZMdN6m9fwm5tj7g==";

	private static final String MSG_SIGNATURE = "fa5c480b176bebe5c444885cc7ae5244545b47b3";

	private static final Clock AT_TIMESTAMP = Clock.fixed(Instant.ofEpochSecond(1764471900L), ZoneOffset.UTC);

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private final MpCallbackCrypto plain = new MpCallbackCrypto(TOKEN, "", APP_ID, AT_TIMESTAMP, WINDOW);

	private final MpCallbackCrypto safe = new MpCallbackCrypto(TOKEN, AES_KEY, APP_ID, AT_TIMESTAMP, WINDOW);

	@Test
	void signsThePlainGoldenVector() {
		assertThat(MpCallbackCrypto.signature(TOKEN, TIMESTAMP, NONCE)).isEqualTo(SIGNATURE);
	}

	@Test
	void answersTheUrlCheckWithTheEchoAsReceivedInBothModes() {
		assertThat(this.plain.verifyUrl(SIGNATURE, TIMESTAMP, NONCE, "6473822916531028")).isEqualTo("6473822916531028");
		assertThat(this.safe.verifyUrl(SIGNATURE, TIMESTAMP, NONCE, "6473822916531028")).isEqualTo("6473822916531028");
	}

	@Test
	void opensAPlainCallback() {
		assertThat(this.plain.open(plainQuery(), PLAINTEXT)).isEqualTo(PLAINTEXT);
		Map<String, String> raw = plainQuery();
		raw.put("encrypt_type", "raw");
		assertThat(this.plain.open(raw, PLAINTEXT)).isEqualTo(PLAINTEXT);
	}

	@Test
	void decryptsTheSafeModeGoldenVector() {
		assertThat(this.safe.open(safeQuery(MSG_SIGNATURE), envelope(ENCRYPT))).isEqualTo(PLAINTEXT);
	}

	@Test
	void encryptsTheSafeModeGoldenVectorAsTheSimulatorDoes() {
		WeComCallbackCrypto aes = new WeComCallbackCrypto(TOKEN, AES_KEY, APP_ID, AT_TIMESTAMP, WINDOW);

		assertThat(aes.encrypt(PREFIX, PLAINTEXT)).isEqualTo(ENCRYPT);
		assertThat(WeComCallbackCrypto.signature(TOKEN, TIMESTAMP, NONCE, ENCRYPT)).isEqualTo(MSG_SIGNATURE);
	}

	@Test
	void acceptsATimestampAtTheEdgeOfTheWindow() {
		MpCallbackCrypto later = new MpCallbackCrypto(TOKEN, "", APP_ID, Clock.offset(AT_TIMESTAMP, WINDOW), WINDOW);

		assertThat(later.open(plainQuery(), PLAINTEXT)).isEqualTo(PLAINTEXT);
	}

	@Test
	void refusesAWrongSignature() {
		Map<String, String> forged = plainQuery();
		forged.put("signature", "0" + SIGNATURE.substring(1));

		assertRejected(() -> this.plain.open(forged, PLAINTEXT), Reason.BAD_SIGNATURE);
		assertRejected(() -> this.plain.verifyUrl(SIGNATURE, TIMESTAMP, "730912467", "echo"), Reason.BAD_SIGNATURE);
		assertRejected(() -> this.safe.open(safeQuery("0" + MSG_SIGNATURE.substring(1)), envelope(ENCRYPT)),
				Reason.BAD_SIGNATURE);
		// in plain mode the signature covers no body: the other token is what gives it
		// away
		MpCallbackCrypto otherToken = new MpCallbackCrypto("OtherMpToken", "", APP_ID, AT_TIMESTAMP, WINDOW);
		assertRejected(() -> otherToken.open(plainQuery(), PLAINTEXT), Reason.BAD_SIGNATURE);
	}

	@Test
	void refusesAStaleTimestampBeforeLookingAtTheSignature() {
		Clock late = Clock.offset(AT_TIMESTAMP, WINDOW.plusSeconds(1));
		MpCallbackCrypto plainLate = new MpCallbackCrypto(TOKEN, "", APP_ID, late, WINDOW);
		MpCallbackCrypto safeLate = new MpCallbackCrypto(TOKEN, AES_KEY, APP_ID, late, WINDOW);
		Map<String, String> forged = plainQuery();
		forged.put("signature", "forged");

		assertRejected(() -> plainLate.open(plainQuery(), PLAINTEXT), Reason.STALE);
		assertRejected(() -> plainLate.open(forged, PLAINTEXT), Reason.STALE);
		assertRejected(() -> plainLate.verifyUrl(SIGNATURE, TIMESTAMP, NONCE, "echo"), Reason.STALE);
		assertRejected(() -> safeLate.open(safeQuery(MSG_SIGNATURE), envelope(ENCRYPT)), Reason.STALE);
	}

	@Test
	void refusesACallbackEncryptedForAnotherAccount() {
		MpCallbackCrypto otherAccount = new MpCallbackCrypto(TOKEN, AES_KEY, "wx00otheraccount1", AT_TIMESTAMP, WINDOW);

		assertRejected(() -> otherAccount.open(safeQuery(MSG_SIGNATURE), envelope(ENCRYPT)), Reason.WRONG_RECEIVER);
	}

	@Test
	void acceptsOnlyTheConfiguredMode() {
		// safe mode configured: a plain post would let anyone who saw one query replace
		// the body
		assertRejected(() -> this.safe.open(plainQuery(), PLAINTEXT), Reason.BAD_ENCRYPTION);
		assertRejected(() -> this.plain.open(safeQuery(MSG_SIGNATURE), envelope(ENCRYPT)), Reason.BAD_ENCRYPTION);
		Map<String, String> unknown = plainQuery();
		unknown.put("encrypt_type", "rsa");
		assertRejected(() -> this.plain.open(unknown, PLAINTEXT), Reason.MALFORMED);
	}

	@Test
	void refusesMissingOrUnreadableParameters() {
		for (String name : new String[] { "signature", "timestamp", "nonce" }) {
			Map<String, String> query = plainQuery();
			query.remove(name);
			assertRejected(() -> this.plain.open(query, PLAINTEXT), Reason.MALFORMED);
		}
		Map<String, String> yesterday = plainQuery();
		yesterday.put("timestamp", "yesterday");
		assertRejected(() -> this.plain.open(yesterday, PLAINTEXT), Reason.MALFORMED);
		assertRejected(() -> this.plain.open(plainQuery(), " "), Reason.MALFORMED);
		assertRejected(() -> this.plain.verifyUrl(SIGNATURE, TIMESTAMP, NONCE, null), Reason.MALFORMED);
		Map<String, String> unsigned = safeQuery(MSG_SIGNATURE);
		unsigned.remove("msg_signature");
		assertRejected(() -> this.safe.open(unsigned, envelope(ENCRYPT)), Reason.MALFORMED);
		assertRejected(() -> this.safe.open(safeQuery(MSG_SIGNATURE), "<xml><ToUserName/></xml>"), Reason.MALFORMED);
		assertRejected(() -> this.safe.open(safeQuery(MSG_SIGNATURE), "not xml"), Reason.MALFORMED);
	}

	@Test
	void refusesAnEnvelopeWithAnExternalEntityWithoutReadingIt(@TempDir Path dir) throws Exception {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, ENCRYPT);
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>"
				+ "<xml><Encrypt>&e;</Encrypt></xml>";

		assertRejected(() -> this.safe.open(safeQuery(MSG_SIGNATURE), xxe), Reason.MALFORMED);
	}

	@Test
	void refusesAMisconfigurationNamingTheSetting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MpCallbackCrypto(" ", AES_KEY, APP_ID, AT_TIMESTAMP, WINDOW))
			.withMessageContaining("jingling.wxmp.token");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MpCallbackCrypto(TOKEN, AES_KEY, null, AT_TIMESTAMP, WINDOW))
			.withMessageContaining("jingling.wxmp.app-id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MpCallbackCrypto(TOKEN, "short", APP_ID, AT_TIMESTAMP, WINDOW))
			.withMessageContaining("jingling.wxmp.aes-key");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MpCallbackCrypto(TOKEN, AES_KEY.replace('Z', '%'), APP_ID, AT_TIMESTAMP, WINDOW))
			.withMessageContaining("jingling.wxmp.aes-key");
	}

	private static Map<String, String> plainQuery() {
		Map<String, String> query = new HashMap<>();
		query.put("signature", SIGNATURE);
		query.put("timestamp", TIMESTAMP);
		query.put("nonce", NONCE);
		query.put("openid", "oJingling_Informant_0001");
		return query;
	}

	private static Map<String, String> safeQuery(String msgSignature) {
		Map<String, String> query = plainQuery();
		query.put("encrypt_type", "aes");
		query.put("msg_signature", msgSignature);
		return query;
	}

	private static String envelope(String encrypt) {
		return "<xml><ToUserName><![CDATA[gh_00jingling01]]></ToUserName><Encrypt><![CDATA[" + encrypt
				+ "]]></Encrypt></xml>";
	}

	private static void assertRejected(Runnable call, Reason reason) {
		assertThatThrownBy(call::run).isInstanceOf(CallbackRejectedException.class)
			.extracting((ex) -> ((CallbackRejectedException) ex).reason())
			.isEqualTo(reason);
	}

}
