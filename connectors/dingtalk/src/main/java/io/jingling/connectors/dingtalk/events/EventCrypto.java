package io.jingling.connectors.dingtalk.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.jingling.connectors.dingtalk.events.EventCryptoException.Reason;

/**
 * Verifies, decrypts and answers DingTalk's encrypted event callbacks (事件订阅), and
 * encrypts the same way for the simulator. {@code msg_signature} is the lowercase hex
 * SHA-1 of the token, timestamp, nonce and ciphertext, sorted as strings and joined. The
 * ciphertext is Base64 of AES-256-CBC (key = Base64-decode(aes_key + "="), IV = the key's
 * first 16 bytes) over 16 random bytes, the message length as 4 big-endian bytes, the
 * message and the owner key, PKCS#7-padded to 32-byte blocks. The owner key is the AppKey
 * for subscriptions set up in the developer console, the CorpId for ones registered with
 * {@code register_call_back}. DingTalk documents no timestamp window for these callbacks;
 * the caller judges the timestamp.
 * <p>
 * Immutable and thread-safe.
 *
 * @see <a href="https://github.com/open-dingtalk/DingTalk-Callback-Crypto">DingTalk's
 * callback crypto helper</a>
 */
public final class EventCrypto {

	/** The answer DingTalk expects, encrypted, to count a callback as delivered. */
	public static final String SUCCESS = "success";

	private static final int BLOCK = 32;

	private static final int AES_BLOCK = 16;

	private static final int RANDOM_BYTES = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String token;

	private final SecretKeySpec key;

	private final IvParameterSpec iv;

	private final byte[] ownerKey;

	/**
	 * A crypto for one app: the token and 43-character aes_key set in the developer
	 * console, and the owner key (usually the AppKey).
	 * @throws IllegalArgumentException naming the {@code jingling.dingtalk.callback.*}
	 * setting that is missing or malformed
	 */
	public EventCrypto(String token, String aesKey, String ownerKey) {
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException(
					"DingTalk callback token is missing: set jingling.dingtalk.callback.token");
		}
		if (aesKey == null || aesKey.length() != 43) {
			throw new IllegalArgumentException(
					"DingTalk callback aes-key must be the 43-character key: check jingling.dingtalk.callback.aes-key");
		}
		if (ownerKey == null || ownerKey.isBlank()) {
			throw new IllegalArgumentException(
					"DingTalk callback owner key is missing: set jingling.dingtalk.callback.owner-key");
		}
		byte[] keyBytes;
		try {
			keyBytes = Base64.getDecoder().decode(aesKey + "=");
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"DingTalk callback aes-key is not Base64: check jingling.dingtalk.callback.aes-key", ex);
		}
		this.token = token;
		this.key = new SecretKeySpec(keyBytes, "AES");
		this.iv = new IvParameterSpec(Arrays.copyOf(keyBytes, AES_BLOCK));
		this.ownerKey = ownerKey.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * DingTalk's {@code msg_signature}: SHA-1 over the four strings sorted and joined.
	 */
	public static String signature(String token, String timestamp, String nonce, String encrypt) {
		String[] parts = { token, timestamp, nonce, encrypt };
		Arrays.sort(parts);
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			return HexFormat.of().formatHex(sha1.digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-1 is not available in this JVM", ex);
		}
	}

	/**
	 * Verifies a callback and returns its plaintext (JSON for events, {@code success} for
	 * answers). Checks run in this order: signature (constant time), Base64, whole
	 * 32-byte blocks, padding, length field, owner key; the first failure throws.
	 * @throws EventCryptoException with the {@link Reason} of the first failed check
	 */
	public String decrypt(String msgSignature, String timestamp, String nonce, String encrypt) {
		if (msgSignature == null || timestamp == null || nonce == null || encrypt == null) {
			throw new EventCryptoException(Reason.SIGNATURE,
					"event callback lacks msg_signature, timestamp, nonce or encrypt");
		}
		byte[] expected = signature(this.token, timestamp, nonce, encrypt).getBytes(StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(expected, msgSignature.getBytes(StandardCharsets.UTF_8))) {
			throw new EventCryptoException(Reason.SIGNATURE, "event callback msg_signature does not match");
		}
		byte[] plain = unpad(decryptBlocks(encrypt));
		if (plain.length < RANDOM_BYTES + 4) {
			throw new EventCryptoException(Reason.LENGTH, "event callback plaintext is too short");
		}
		int length = ByteBuffer.wrap(plain, RANDOM_BYTES, 4).getInt();
		int start = RANDOM_BYTES + 4;
		if (length < 0 || length > plain.length - start) {
			throw new EventCryptoException(Reason.LENGTH, "event callback length field points past the end");
		}
		byte[] owner = Arrays.copyOfRange(plain, start + length, plain.length);
		if (!MessageDigest.isEqual(owner, this.ownerKey)) {
			throw new EventCryptoException(Reason.OWNER_KEY, "event callback is meant for another app or corp");
		}
		return new String(plain, start, length, StandardCharsets.UTF_8);
	}

	/**
	 * The JSON fields of an answer carrying {@code plaintext} (normally
	 * {@link #SUCCESS}): {@code msg_signature}, {@code timeStamp}, {@code nonce} and
	 * {@code encrypt}, with a fresh random prefix.
	 */
	public Map<String, String> encryptAnswer(String plaintext, String timestamp, String nonce) {
		byte[] random = new byte[RANDOM_BYTES];
		RANDOM.nextBytes(random);
		String encrypt = encrypt(plaintext, random);
		Map<String, String> answer = new LinkedHashMap<>();
		answer.put("msg_signature", signature(this.token, timestamp, nonce, encrypt));
		answer.put("timeStamp", timestamp);
		answer.put("nonce", nonce);
		answer.put("encrypt", encrypt);
		return Collections.unmodifiableMap(answer);
	}

	/**
	 * Encrypts {@code plaintext} for this app with the given 16-byte random prefix, so
	 * the result is repeatable (known-answer tests, fixtures).
	 */
	public String encrypt(String plaintext, byte[] random16) {
		if (random16 == null || random16.length != RANDOM_BYTES) {
			throw new IllegalArgumentException("The random prefix must be 16 bytes");
		}
		byte[] message = plaintext.getBytes(StandardCharsets.UTF_8);
		int length = RANDOM_BYTES + 4 + message.length + this.ownerKey.length;
		int pad = BLOCK - (length % BLOCK);
		ByteBuffer plain = ByteBuffer.allocate(length + pad)
			.put(random16)
			.putInt(message.length)
			.put(message)
			.put(this.ownerKey);
		while (plain.hasRemaining()) {
			plain.put((byte) pad);
		}
		return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, plain.array()));
	}

	private byte[] decryptBlocks(String encrypt) {
		byte[] cipherText;
		try {
			cipherText = Base64.getDecoder().decode(encrypt);
		}
		catch (IllegalArgumentException ex) {
			throw new EventCryptoException(Reason.BASE64, "event callback encrypt is not Base64");
		}
		if (cipherText.length == 0 || cipherText.length % BLOCK != 0) {
			throw new EventCryptoException(Reason.LENGTH, "event callback ciphertext is not whole 32-byte blocks");
		}
		return cipher(Cipher.DECRYPT_MODE, cipherText);
	}

	// PKCS#7 with 32-byte blocks, which the JDK's PKCS5Padding (16-byte blocks) rejects.
	private static byte[] unpad(byte[] plain) {
		int pad = plain[plain.length - 1] & 0xff;
		if (pad < 1 || pad > BLOCK) {
			throw new EventCryptoException(Reason.PADDING, "event callback padding is malformed");
		}
		for (int i = plain.length - pad; i < plain.length; i++) {
			if ((plain[i] & 0xff) != pad) {
				throw new EventCryptoException(Reason.PADDING, "event callback padding is malformed");
			}
		}
		return Arrays.copyOf(plain, plain.length - pad);
	}

	private byte[] cipher(int mode, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(mode, this.key, this.iv);
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES/CBC is not available in this JVM", ex);
		}
	}

}
