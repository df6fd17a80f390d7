package io.jingling.connectors.wechat.callback;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jingling.connectors.wechat.callback.CallbackRejectedException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeComCallbackCryptoTest {

	// The golden vectors of the WeChat reference, section 12.8.
	private static final String TOKEN = "JinglingCbToken";

	private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final String CORP_ID = "ww00jingling000001";

	private static final String TIMESTAMP = "1764471600";

	private static final String NONCE = "1372623149";

	private static final String PREFIX = "0123456789abcdef";

	private static final String PLAINTEXT = "<xml><ToUserName><![CDATA[ww00jingling000001]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1764471600</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event><Token><![CDATA[ENCtoken0001]]></Token><OpenKfId><![CDATA[wkJinglingKf0001]]></OpenKfId></xml>";

	private static final String ENCRYPT = "Q3stYC6hdFzMh9T8HCvyDBheUbtOFT5Wnoy+DO9e/EkEM0Xv7KqSkNvax75pBc7DFp+ATEQpFixjJUudCQHUKRnRQoNPy/kP02sfKtGnjRkBrxIEFgNbp/JSkmgH2ymcecjLSS/wRV/yI1v2IzHMn+cfT300lySrk9aZF7x5iXs6tUfJXKLb8T9RKlkerkCL35fJra2p34Lc4VcZQNURbQdnfgqG/NLLqt9hLiBSkcIXIWALg4A5PBpOXoVXBfZ6OJADsngThmJyZHq6l6fdHUcNIY+v7QNvCWJ3YFGUq1GJcYz9Twd82hv5W5qWUNXbfByN492lg79az3/3U8tgMVnNMY//OXgZEcQ7w8U1dJ1BfKe5807CJGS7AEc3NsCIp6JBtAe9ifRogVCJfn36SpZM0qo5b7e18UFLdPk18771fef2swctJdcbr/VA29BvQlYudQpcj8LikGfzJIiQjQ==";

	private static final String MSG_SIGNATURE = "bfed1740e35b0c33739614cf37430f787d85f089";

	private static final String ECHOSTR = "DpQeJfnf/MGZ/+GTIspwVGXInwdQ74IRDvh7TVZOz2GUNGJQaTe/ywmIu5k2ACGcBpKeoXTJQlK9UPqEgHbCkw==";

	private static final String ECHO_SIGNATURE = "8e6dce2269eca90a5e00271b230c0e15b348b853";

	private static final Clock AT_TIMESTAMP = Clock.fixed(Instant.ofEpochSecond(1764471600L), ZoneOffset.UTC);

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private final WeComCallbackCrypto crypto = new WeComCallbackCrypto(TOKEN, AES_KEY, CORP_ID, AT_TIMESTAMP, WINDOW);

	@Test
	void encryptsTheGoldenVectorExactly() {
		assertThat(this.crypto.encrypt(PREFIX, PLAINTEXT)).isEqualTo(ENCRYPT);
		assertThat(WeComCallbackCrypto.signature(TOKEN, TIMESTAMP, NONCE, ENCRYPT)).isEqualTo(MSG_SIGNATURE);
	}

	@Test
	void decryptsTheGoldenCallback() {
		assertThat(this.crypto.decrypt(MSG_SIGNATURE, TIMESTAMP, NONCE, envelope(ENCRYPT))).isEqualTo(PLAINTEXT);
	}

	@Test
	void answersTheGoldenUrlCheck() {
		assertThat(WeComCallbackCrypto.signature(TOKEN, TIMESTAMP, NONCE, ECHOSTR)).isEqualTo(ECHO_SIGNATURE);
		assertThat(this.crypto.verifyUrl(ECHO_SIGNATURE, TIMESTAMP, NONCE, ECHOSTR)).isEqualTo("6473822916531028");
	}

	@Test
	void acceptsATimestampAtTheEdgeOfTheWindow() {
		Clock later = Clock.offset(AT_TIMESTAMP, WINDOW);
		WeComCallbackCrypto crypto = new WeComCallbackCrypto(TOKEN, AES_KEY, CORP_ID, later, WINDOW);

		assertThat(crypto.decrypt(MSG_SIGNATURE, TIMESTAMP, NONCE, envelope(ENCRYPT))).isEqualTo(PLAINTEXT);
	}

	@Test
	void refusesAWrongSignature() {
		assertRejected(() -> this.crypto.decrypt("0" + MSG_SIGNATURE.substring(1), TIMESTAMP, NONCE, envelope(ENCRYPT)),
				Reason.BAD_SIGNATURE);
		assertRejected(() -> this.crypto.verifyUrl(ECHO_SIGNATURE, TIMESTAMP, "1372623150", ECHOSTR),
				Reason.BAD_SIGNATURE);
	}

	@Test
	void refusesAStaleTimestampBeforeLookingAtTheSignature() {
		WeComCallbackCrypto crypto = new WeComCallbackCrypto(TOKEN, AES_KEY, CORP_ID,
				Clock.offset(AT_TIMESTAMP, WINDOW.plusSeconds(1)), WINDOW);

		assertRejected(() -> crypto.decrypt(MSG_SIGNATURE, TIMESTAMP, NONCE, envelope(ENCRYPT)), Reason.STALE);
		assertRejected(() -> crypto.decrypt("forged", TIMESTAMP, NONCE, envelope(ENCRYPT)), Reason.STALE);
	}

	@Test
	void refusesBadPaddingEvenWhenSigned() throws Exception {
		// a 32-byte block whose last byte claims 33 bytes of padding
		byte[] block = new byte[32];
		block[31] = 33;
		String encrypt = Base64.getEncoder().encodeToString(aes(block));
		String signature = WeComCallbackCrypto.signature(TOKEN, TIMESTAMP, NONCE, encrypt);

		assertRejected(() -> this.crypto.decrypt(signature, TIMESTAMP, NONCE, envelope(encrypt)),
				Reason.BAD_ENCRYPTION);
	}

	@Test
	void refusesCiphertextThatIsNotWholeBlocks() {
		String encrypt = Base64.getEncoder().encodeToString(new byte[20]);
		String signature = WeComCallbackCrypto.signature(TOKEN, TIMESTAMP, NONCE, encrypt);

		assertRejected(() -> this.crypto.decrypt(signature, TIMESTAMP, NONCE, envelope(encrypt)),
				Reason.BAD_ENCRYPTION);
	}

	@Test
	void refusesACallbackForAnotherCorp() {
		WeComCallbackCrypto otherCorp = new WeComCallbackCrypto(TOKEN, AES_KEY, "ww00othercorp00001", AT_TIMESTAMP,
				WINDOW);

		assertRejected(() -> otherCorp.decrypt(MSG_SIGNATURE, TIMESTAMP, NONCE, envelope(ENCRYPT)),
				Reason.WRONG_RECEIVER);
	}

	@Test
	void refusesMissingOrUnreadableParameters() {
		assertRejected(() -> this.crypto.decrypt(null, TIMESTAMP, NONCE, envelope(ENCRYPT)), Reason.MALFORMED);
		assertRejected(() -> this.crypto.decrypt(MSG_SIGNATURE, "", NONCE, envelope(ENCRYPT)), Reason.MALFORMED);
		assertRejected(() -> this.crypto.decrypt(MSG_SIGNATURE, "yesterday", NONCE, envelope(ENCRYPT)),
				Reason.MALFORMED);
		assertRejected(() -> this.crypto.verifyUrl(ECHO_SIGNATURE, TIMESTAMP, NONCE, null), Reason.MALFORMED);
		assertRejected(() -> this.crypto.decrypt(MSG_SIGNATURE, TIMESTAMP, NONCE, "<xml><ToUserName/></xml>"),
				Reason.MALFORMED);
		assertRejected(() -> this.crypto.decrypt(MSG_SIGNATURE, TIMESTAMP, NONCE, "not xml"), Reason.MALFORMED);
		assertRejected(() -> this.crypto.decrypt(MSG_SIGNATURE, TIMESTAMP, NONCE, null), Reason.MALFORMED);
	}

	@Test
	void refusesADocumentWithAnExternalEntityWithoutReadingIt(@TempDir Path dir) throws Exception {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, ENCRYPT);
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>"
				+ "<xml><Encrypt>&e;</Encrypt></xml>";

		assertRejected(() -> this.crypto.decrypt(MSG_SIGNATURE, TIMESTAMP, NONCE, xxe), Reason.MALFORMED);
	}

	@Test
	void roundTripsAnyPlaintextLength() {
		for (int length = 0; length < 70; length++) {
			String plaintext = "线".repeat(length);
			String encrypt = this.crypto.encrypt(PREFIX, plaintext);
			String signature = WeComCallbackCrypto.signature(TOKEN, TIMESTAMP, NONCE, encrypt);

			assertThat(this.crypto.decrypt(signature, TIMESTAMP, NONCE, envelope(encrypt))).isEqualTo(plaintext);
		}
	}

	@Test
	void refusesAMisconfiguredKeyNamingTheSetting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WeComCallbackCrypto(TOKEN, "short", CORP_ID, AT_TIMESTAMP, WINDOW))
			.withMessageContaining("jingling.wecom.aes-key");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WeComCallbackCrypto(" ", AES_KEY, CORP_ID, AT_TIMESTAMP, WINDOW))
			.withMessageContaining("jingling.wecom.token");
	}

	private static String envelope(String encrypt) {
		return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID>"
				+ "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
	}

	private static byte[] aes(byte[] plain) throws Exception {
		byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
		Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
		return cipher.doFinal(plain);
	}

	private static void assertRejected(Runnable call, Reason reason) {
		assertThatThrownBy(call::run).isInstanceOf(CallbackRejectedException.class)
			.extracting((ex) -> ((CallbackRejectedException) ex).reason())
			.isEqualTo(reason);
	}

}
