package io.jingling.connectors.dingtalk.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.jingling.connectors.dingtalk.events.EventCryptoException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventCryptoTest {

	// Reference §11, the hub's vector.
	private static final String TOKEN = "hubtoken123";

	private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final String OWNER_KEY = "dinghubtestappkey01";

	private static final byte[] RANDOM = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private static final String TIMESTAMP = "1700000000000";

	private static final String NONCE = "nonce00000000001";

	private static final String CHECK_URL = "{\"EventType\":\"check_url\"}";

	private static final String CHECK_URL_ENCRYPT = "Q3stYC6hdFzMh9T8HCvyDLV8JeomtQuxZLosYEI28mjzSD5UpK2hp0QUc4H6M/N5Q6a9fVTY083JUqD3eWATGZZDrkmG6YbCh5Lbk0YpzncDE+4i7FaQgNeYX/XI5Gak";

	private static final String CHECK_URL_SIGNATURE = "bb20e09ac16c0cd5eede2964f92181392cb541b4";

	private static final String SUCCESS_ENCRYPT = "Q3stYC6hdFzMh9T8HCvyDLBI6Vk0BymN5R/J6N4HimWfcEbBoekS2ThtMz/8lAUuKELAa0dwSUrJKXVxGHlW3Q==";

	private static final String SUCCESS_SIGNATURE = "c7dd34cbb2fede327219f03db8e626b9be50aad3";

	private final EventCrypto crypto = new EventCrypto(TOKEN, AES_KEY, OWNER_KEY);

	@Test
	void signsTheHubVectors() {
		assertThat(EventCrypto.signature(TOKEN, TIMESTAMP, NONCE, CHECK_URL_ENCRYPT)).isEqualTo(CHECK_URL_SIGNATURE);
		assertThat(EventCrypto.signature(TOKEN, TIMESTAMP, NONCE, SUCCESS_ENCRYPT)).isEqualTo(SUCCESS_SIGNATURE);
	}

	@Test
	void signatureSortsItsInputs() {
		assertThat(EventCrypto.signature(NONCE, CHECK_URL_ENCRYPT, TOKEN, TIMESTAMP)).isEqualTo(CHECK_URL_SIGNATURE);
	}

	@Test
	void encryptsTheHubVectors() {
		assertThat(this.crypto.encrypt(CHECK_URL, RANDOM)).isEqualTo(CHECK_URL_ENCRYPT);
		assertThat(this.crypto.encrypt("success", RANDOM)).isEqualTo(SUCCESS_ENCRYPT);
	}

	@Test
	void decryptsTheHubVectors() {
		assertThat(this.crypto.decrypt(CHECK_URL_SIGNATURE, TIMESTAMP, NONCE, CHECK_URL_ENCRYPT)).isEqualTo(CHECK_URL);
		assertThat(this.crypto.decrypt(SUCCESS_SIGNATURE, TIMESTAMP, NONCE, SUCCESS_ENCRYPT)).isEqualTo("success");
	}

	// DingTalk's own debugging sample (FAQ "回调接口本地调试"), an ISV suite callback.
	@Test
	void handlesDingTalksFaqVector() {
		var faq = new EventCrypto("123456", "4g5j64qlyl3zvetqxz5jiocdr586fn2zvjpa8zls3ij", "suite4xxxxxxxxxxxxxxx");
		String encrypt = "1a3NBxmCFwkCJvfoQ7WhJHB+iX3qHPsc9JbaDznE1i03peOk1LaOQoRz3+nlyGNhwmwJ3vDMG+OzrHMeiZI7gTRWVdUBmfxjZ8Ej23JVYa9VrYeJ5as7XM/ZpulX8NEQis44w53h1qAgnC3PRzM7Zc/D6Ibr0rgUathB6zRHP8PYrfgnNOS9PhSBdHlegK+AGGanfwjXuQ9+0pZcy0w9lQ==";
		String plaintext = "{\"EventType\":\"check_create_suite_url\",\"Random\":\"LPIdSnlF\",\"TestSuiteKey\":\"suite4xxxxxxxxxxxxxxx\"}";
		assertThat(EventCrypto.signature("123456", "1445827045067", "nEXhMP4r", encrypt))
			.isEqualTo("5a65ceeef9aab2d149439f82dc191dd6c5cbe2c0");
		assertThat(faq.decrypt("5a65ceeef9aab2d149439f82dc191dd6c5cbe2c0", "1445827045067", "nEXhMP4r", encrypt))
			.isEqualTo(plaintext);
		assertThat(faq.encrypt(plaintext, "hU3bEfGZZewzhG5a".getBytes(StandardCharsets.US_ASCII))).isEqualTo(encrypt);
	}

	// Reference §11's docs-FAQ key set; its ciphertext was not captured, so these were
	// computed with Python's cryptography package from the same algorithm.
	@Test
	void handlesTheReferenceFaqKeySet() {
		var faq = new EventCrypto("123456", "1234567890123456789012345678901234567890123", "dingsnotzck6pm5veliw");
		String checkUrl = "GCr6999U/V4/3veZ85Bxl6NnPyKFaUXh1O/ukUCSfqZrefLAjZXTHh0iSEG3YpNrCEtG++x7+XGLQ382FBkFF4GETWvwFAt8qbjs7i3sJ8zfFVZ4xYneXuQi8pgOG5/F";
		String success = "GCr6999U/V4/3veZ85Bxl8C6wynLzYV25PCR3saSX7v+7tNf5Ck2RJ2NAGnTOWhvJ4H0D2M/DU/3568ASGogSA==";
		assertThat(faq.encrypt(CHECK_URL, RANDOM)).isEqualTo(checkUrl);
		assertThat(faq.encrypt("success", RANDOM)).isEqualTo(success);
		assertThat(EventCrypto.signature("123456", TIMESTAMP, NONCE, checkUrl))
			.isEqualTo("54f2e58b341565a795ecae854484769543d6b096");
		assertThat(EventCrypto.signature("123456", TIMESTAMP, NONCE, success))
			.isEqualTo("79f5864ba378f3f5ff7a954160c5aba18a9fe7f0");
		assertThat(faq.decrypt("54f2e58b341565a795ecae854484769543d6b096", TIMESTAMP, NONCE, checkUrl))
			.isEqualTo(CHECK_URL);
		assertThat(faq.decrypt("79f5864ba378f3f5ff7a954160c5aba18a9fe7f0", TIMESTAMP, NONCE, success))
			.isEqualTo("success");
	}

	@Test
	void answersInThePlatformsShapeWithAFreshPrefix() {
		Map<String, String> answer = this.crypto.encryptAnswer("success", TIMESTAMP, NONCE);
		assertThat(answer).containsOnlyKeys("msg_signature", "timeStamp", "nonce", "encrypt")
			.containsEntry("timeStamp", TIMESTAMP)
			.containsEntry("nonce", NONCE);
		assertThat(answer.keySet()).containsExactly("msg_signature", "timeStamp", "nonce", "encrypt");
		assertThat(answer.get("msg_signature"))
			.isEqualTo(EventCrypto.signature(TOKEN, TIMESTAMP, NONCE, answer.get("encrypt")));
		assertThat(this.crypto.decrypt(answer.get("msg_signature"), TIMESTAMP, NONCE, answer.get("encrypt")))
			.isEqualTo("success");
		assertThat(this.crypto.encryptAnswer("success", TIMESTAMP, NONCE).get("encrypt"))
			.as("a new random prefix each time")
			.isNotEqualTo(answer.get("encrypt"));
	}

	@Test
	void roundTripsMultiByteText() {
		String plaintext = "{\"EventType\":\"bpms_instance_change\",\"title\":\"协查发布审批 XC-20261130-007\"}";
		String encrypt = this.crypto.encrypt(plaintext, RANDOM);
		assertThat(
				this.crypto.decrypt(EventCrypto.signature(TOKEN, TIMESTAMP, NONCE, encrypt), TIMESTAMP, NONCE, encrypt))
			.isEqualTo(plaintext);
	}

	@Test
	void refusesForgedSignatures() {
		assertThat(
				refusal(EventCrypto.signature("another-token", TIMESTAMP, NONCE, CHECK_URL_ENCRYPT), CHECK_URL_ENCRYPT))
			.isEqualTo(Reason.SIGNATURE);
		assertThat(refusal(CHECK_URL_SIGNATURE.toUpperCase(), CHECK_URL_ENCRYPT)).isEqualTo(Reason.SIGNATURE);
		assertThat(refusal(CHECK_URL_SIGNATURE, SUCCESS_ENCRYPT)).as("signature of another ciphertext")
			.isEqualTo(Reason.SIGNATURE);
		assertThat(catchThrowableOfType(
				() -> this.crypto.decrypt(CHECK_URL_SIGNATURE, "1700000000001", NONCE, CHECK_URL_ENCRYPT),
				EventCryptoException.class)
			.reason()).isEqualTo(Reason.SIGNATURE);
		assertThat(catchThrowableOfType(() -> this.crypto.decrypt(null, TIMESTAMP, NONCE, CHECK_URL_ENCRYPT),
				EventCryptoException.class)
			.reason()).isEqualTo(Reason.SIGNATURE);
	}

	@Test
	void refusesAnotherOwnerKey() {
		var otherApp = new EventCrypto(TOKEN, AES_KEY, "dingotherappkey02");
		var thrown = catchThrowableOfType(
				() -> otherApp.decrypt(CHECK_URL_SIGNATURE, TIMESTAMP, NONCE, CHECK_URL_ENCRYPT),
				EventCryptoException.class);
		assertThat(thrown.reason()).isEqualTo(Reason.OWNER_KEY);
		assertThat(thrown).hasMessageNotContaining(OWNER_KEY).hasMessageNotContaining("check_url");
	}

	@Test
	void refusesTamperedPadding() {
		byte[] zeroPad = plaintext(CHECK_URL.getBytes(StandardCharsets.UTF_8), CHECK_URL.length());
		zeroPad[zeroPad.length - 1] = 0;
		assertThat(refusal(signedRaw(zeroPad))).isEqualTo(Reason.PADDING);
		byte[] uneven = plaintext(CHECK_URL.getBytes(StandardCharsets.UTF_8), CHECK_URL.length());
		uneven[uneven.length - 2] = 31;
		assertThat(refusal(signedRaw(uneven))).isEqualTo(Reason.PADDING);
		byte[] tooBig = plaintext(CHECK_URL.getBytes(StandardCharsets.UTF_8), CHECK_URL.length());
		Arrays.fill(tooBig, tooBig.length - 33, tooBig.length, (byte) 33);
		assertThat(refusal(signedRaw(tooBig))).isEqualTo(Reason.PADDING);
	}

	@Test
	void refusesFlippedCiphertextBytes() {
		byte[] cipherText = Base64.getDecoder().decode(CHECK_URL_ENCRYPT);
		cipherText[cipherText.length - 17] ^= 0x20; // the pad byte decrypts to 0
		assertThat(refusal(sign(Base64.getEncoder().encodeToString(cipherText)))).isEqualTo(Reason.PADDING);
	}

	@Test
	void refusesTruncatedCiphertext() {
		byte[] cipherText = Base64.getDecoder().decode(CHECK_URL_ENCRYPT);
		assertThat(refusal(sign(Base64.getEncoder().encodeToString(Arrays.copyOf(cipherText, cipherText.length - 5)))))
			.isEqualTo(Reason.LENGTH);
		assertThat(refusal(sign(Base64.getEncoder().encodeToString(Arrays.copyOf(cipherText, cipherText.length - 16)))))
			.isEqualTo(Reason.LENGTH);
		assertThat(refusal(sign(""))).isEqualTo(Reason.LENGTH);
		// Cut at a 32-byte boundary, the last byte left is the owner key's '1' (49): no
		// pad.
		assertThat(refusal(sign(Base64.getEncoder().encodeToString(Arrays.copyOf(cipherText, cipherText.length - 32)))))
			.isEqualTo(Reason.PADDING);
	}

	@Test
	void refusesALengthFieldPastTheEnd() {
		assertThat(refusal(signedRaw(plaintext(CHECK_URL.getBytes(StandardCharsets.UTF_8), 1000))))
			.isEqualTo(Reason.LENGTH);
		assertThat(refusal(signedRaw(plaintext(CHECK_URL.getBytes(StandardCharsets.UTF_8), -1))))
			.isEqualTo(Reason.LENGTH);
	}

	@Test
	void refusesNonBase64() {
		assertThat(refusal(sign("not base64 at all!"))).isEqualTo(Reason.BASE64);
	}

	@Test
	void refusesAKeyOfTheWrongLength() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EventCrypto(TOKEN, AES_KEY + "H", OWNER_KEY))
			.withMessageContaining("jingling.dingtalk.callback.aes-key")
			.withMessageNotContaining(AES_KEY);
		assertThatIllegalArgumentException().isThrownBy(() -> new EventCrypto(TOKEN, null, OWNER_KEY))
			.withMessageContaining("jingling.dingtalk.callback.aes-key");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EventCrypto(TOKEN, "!bcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", OWNER_KEY))
			.withMessageContaining("jingling.dingtalk.callback.aes-key");
	}

	@Test
	void refusesAMissingTokenOrOwnerKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EventCrypto(" ", AES_KEY, OWNER_KEY))
			.withMessageContaining("jingling.dingtalk.callback.token");
		assertThatIllegalArgumentException().isThrownBy(() -> new EventCrypto(TOKEN, AES_KEY, ""))
			.withMessageContaining("jingling.dingtalk.callback.owner-key");
	}

	@Test
	void encryptNeedsSixteenRandomBytes() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.crypto.encrypt("success", new byte[15]));
	}

	private Reason refusal(String signature, String encrypt) {
		return catchThrowableOfType(() -> this.crypto.decrypt(signature, TIMESTAMP, NONCE, encrypt),
				EventCryptoException.class)
			.reason();
	}

	private Reason refusal(Signed signed) {
		return refusal(signed.signature(), signed.encrypt());
	}

	// A ciphertext re-signed with the right token, so the checks behind the signature
	// run.
	private static Signed sign(String encrypt) {
		return new Signed(EventCrypto.signature(TOKEN, TIMESTAMP, NONCE, encrypt), encrypt);
	}

	private static Signed signedRaw(byte[] plaintext) {
		return sign(Base64.getEncoder().encodeToString(aes(plaintext)));
	}

	// The hub vector's layout with a chosen length field, padded correctly to 32 bytes.
	private static byte[] plaintext(byte[] message, int lengthField) {
		byte[] owner = OWNER_KEY.getBytes(StandardCharsets.UTF_8);
		int length = 20 + message.length + owner.length;
		int pad = 32 - (length % 32);
		ByteBuffer plain = ByteBuffer.allocate(length + pad).put(RANDOM).putInt(lengthField).put(message).put(owner);
		while (plain.hasRemaining()) {
			plain.put((byte) pad);
		}
		return plain.array();
	}

	private static byte[] aes(byte[] plaintext) {
		try {
			byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
			return cipher.doFinal(plaintext);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Signed(String signature, String encrypt) {
	}

}
