package io.jingling.connectors.wechat.callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.jingling.connectors.wechat.callback.CallbackRejectedException.Reason;
import io.jingling.connectors.wechat.internal.SafeXml;

/**
 * Verifies and decrypts what WeCom sends to the app's callback URL, and encrypts the same
 * way for the simulator. {@code msg_signature} is the lowercase hex SHA-1 of the token,
 * timestamp, nonce and ciphertext, sorted as strings and joined. The ciphertext is Base64
 * of AES-256-CBC (key = Base64-decode(EncodingAESKey + "="), IV = the key's first 16
 * bytes) over 16 random bytes, the message length as 4 big-endian bytes, the message and
 * the receive id (the corp id), PKCS#7-padded to 32-byte blocks. Checks run in a fixed
 * order: parameters present, timestamp within the window, signature (constant time),
 * decryption, receive id; the first failure throws {@link CallbackRejectedException}. The
 * Official Account's safe mode uses the same scheme with the app id as receive id, so
 * {@code MpCallbackCrypto} and the simulator use this class for it too.
 *
 * @see <a href="https://developer.work.weixin.qq.com/document/path/90968">wecom:90968
 * callback encryption</a>
 */
public final class WeComCallbackCrypto {

	private static final int BLOCK = 32;

	private static final int RANDOM_BYTES = 16;

	private final String token;

	private final SecretKeySpec key;

	private final IvParameterSpec iv;

	private final byte[] receiveId;

	private final Clock clock;

	private final Duration window;

	/**
	 * A crypto for one app. {@code window} bounds how far a callback's timestamp may be
	 * from {@code clock}; WeCom documents none, and a short one limits replays.
	 * @throws IllegalArgumentException naming the {@code jingling.wecom.*} key that is
	 * missing or malformed
	 */
	public WeComCallbackCrypto(String token, String encodingAesKey, String receiveId, Clock clock, Duration window) {
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException("WeCom token is missing: set jingling.wecom.token");
		}
		if (encodingAesKey == null || encodingAesKey.length() != 43) {
			throw new IllegalArgumentException(
					"WeCom aes-key must be the 43-character EncodingAESKey: check jingling.wecom.aes-key");
		}
		if (receiveId == null || receiveId.isBlank()) {
			throw new IllegalArgumentException("WeCom corp-id is missing: set jingling.wecom.corp-id");
		}
		byte[] aesKey;
		try {
			aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("WeCom aes-key is not Base64: check jingling.wecom.aes-key", ex);
		}
		this.token = token;
		this.key = new SecretKeySpec(aesKey, "AES");
		this.iv = new IvParameterSpec(Arrays.copyOf(aesKey, 16));
		this.receiveId = receiveId.getBytes(StandardCharsets.UTF_8);
		this.clock = clock;
		this.window = window;
	}

	/**
	 * Answers WeCom's GET check of the callback URL: verifies the query and returns the
	 * decrypted {@code echostr}, to be sent back as the plain response body.
	 */
	public String verifyUrl(String msgSignature, String timestamp, String nonce, String echostr) {
		return open(msgSignature, timestamp, nonce, echostr);
	}

	/**
	 * Verifies a POSTed callback and returns its plaintext XML. {@code body} is the
	 * envelope WeCom posts ({@code <xml><ToUserName/><AgentID/><Encrypt/></xml>}).
	 */
	public String decrypt(String msgSignature, String timestamp, String nonce, String body) {
		String encrypt = SafeXml.parse(body).text("Encrypt");
		return open(msgSignature, timestamp, nonce, encrypt);
	}

	/**
	 * Encrypts {@code plaintext} for this app the way WeCom does, with the given 16-byte
	 * random prefix, so the result is repeatable (simulator and fixtures).
	 */
	public String encrypt(String randomPrefix16, String plaintext) {
		byte[] random = randomPrefix16.getBytes(StandardCharsets.UTF_8);
		if (random.length != RANDOM_BYTES) {
			throw new IllegalArgumentException("The random prefix must be 16 bytes, got " + random.length);
		}
		byte[] message = plaintext.getBytes(StandardCharsets.UTF_8);
		int length = RANDOM_BYTES + 4 + message.length + this.receiveId.length;
		int pad = BLOCK - (length % BLOCK);
		ByteBuffer plain = ByteBuffer.allocate(length + pad)
			.put(random)
			.putInt(message.length)
			.put(message)
			.put(this.receiveId);
		while (plain.hasRemaining()) {
			plain.put((byte) pad);
		}
		return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, plain.array()));
	}

	/** WeCom's {@code msg_signature}: SHA-1 over the four strings sorted and joined. */
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

	private String open(String msgSignature, String timestamp, String nonce, String encrypt) {
		if (blank(msgSignature) || blank(timestamp) || blank(nonce) || blank(encrypt)) {
			throw new CallbackRejectedException(Reason.MALFORMED,
					"callback lacks msg_signature, timestamp, nonce or Encrypt");
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			throw new CallbackRejectedException(Reason.MALFORMED, "callback timestamp is not a number");
		}
		if (Math.abs(this.clock.instant().getEpochSecond() - seconds) > this.window.toSeconds()) {
			throw new CallbackRejectedException(Reason.STALE, "callback timestamp is outside the window");
		}
		byte[] expected = signature(this.token, timestamp, nonce, encrypt).getBytes(StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(expected, msgSignature.strip().getBytes(StandardCharsets.UTF_8))) {
			throw new CallbackRejectedException(Reason.BAD_SIGNATURE, "callback msg_signature does not match");
		}
		byte[] plain = unpad(decryptBlocks(encrypt));
		if (plain.length < RANDOM_BYTES + 4) {
			throw badEncryption("too short");
		}
		int length = ByteBuffer.wrap(plain, RANDOM_BYTES, 4).getInt();
		int start = RANDOM_BYTES + 4;
		if (length < 0 || length > plain.length - start) {
			throw badEncryption("bad message length");
		}
		byte[] receiver = Arrays.copyOfRange(plain, start + length, plain.length);
		if (!MessageDigest.isEqual(receiver, this.receiveId)) {
			throw new CallbackRejectedException(Reason.WRONG_RECEIVER, "callback is meant for another receiver");
		}
		return new String(plain, start, length, StandardCharsets.UTF_8);
	}

	private byte[] decryptBlocks(String encrypt) {
		byte[] cipherText;
		try {
			cipherText = Base64.getDecoder().decode(encrypt.strip());
		}
		catch (IllegalArgumentException ex) {
			throw badEncryption("not Base64");
		}
		if (cipherText.length == 0 || cipherText.length % BLOCK != 0) {
			throw badEncryption("length is not a multiple of 32");
		}
		return cipher(Cipher.DECRYPT_MODE, cipherText);
	}

	// PKCS#7 with 32-byte blocks, which the JDK's PKCS5Padding (16-byte blocks) rejects.
	private static byte[] unpad(byte[] plain) {
		int pad = plain[plain.length - 1] & 0xff;
		if (pad < 1 || pad > BLOCK) {
			throw badEncryption("bad padding");
		}
		for (int i = plain.length - pad; i < plain.length; i++) {
			if ((plain[i] & 0xff) != pad) {
				throw badEncryption("bad padding");
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
			throw new CallbackRejectedException(Reason.BAD_ENCRYPTION, "callback AES step failed", ex);
		}
	}

	private static CallbackRejectedException badEncryption(String detail) {
		return new CallbackRejectedException(Reason.BAD_ENCRYPTION, "callback ciphertext refused: " + detail);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
