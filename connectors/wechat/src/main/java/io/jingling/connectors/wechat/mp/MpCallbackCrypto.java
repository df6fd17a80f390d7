package io.jingling.connectors.wechat.mp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import io.jingling.connectors.wechat.callback.CallbackRejectedException;
import io.jingling.connectors.wechat.callback.CallbackRejectedException.Reason;
import io.jingling.connectors.wechat.callback.WeComCallbackCrypto;

/**
 * Verifies, and in safe mode decrypts, what the Official Account sends to its callback
 * URL. The URL check and plain-mode (明文模式) posts carry {@code signature}, the lowercase
 * hex SHA-1 of the token, timestamp and nonce sorted as strings and joined; it does not
 * cover the body. Safe mode (安全模式, {@code encrypt_type=aes}) posts
 * {@code <xml><ToUserName/><Encrypt/></xml>} with {@code msg_signature} over the token,
 * timestamp, nonce and {@code Encrypt}, encrypted as WeCom does with the app id as
 * receive id. With an EncodingAESKey configured only safe-mode posts are accepted, so
 * nobody can fall back to the unsigned plain body; without one only plain posts are.
 * Checks run in a fixed order: parameters present, timestamp within the window, signature
 * (constant time), decryption, app id; the first failure throws
 * {@link CallbackRejectedException}.
 *
 * @see <a href=
 * "https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html">mp:
 * access overview (signature)</a>
 * @see <a href=
 * "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Message_encryption_and_decryption_instructions.html">mp:
 * message encryption</a>
 */
public final class MpCallbackCrypto {

	private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9+/]{43}");

	private final String token;

	private final WeComCallbackCrypto safeMode;

	private final Clock clock;

	private final Duration window;

	/**
	 * A crypto for one Official Account. A blank {@code aesKey} means plain mode only.
	 * {@code window} bounds how far a callback's timestamp may be from {@code clock}; the
	 * platform documents none, and a short one limits replays.
	 * @throws IllegalArgumentException naming the {@code jingling.wxmp.*} key that is
	 * missing or malformed
	 */
	public MpCallbackCrypto(String token, String aesKey, String appId, Clock clock, Duration window) {
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException("WeChat OA token is missing: set jingling.wxmp.token");
		}
		if (appId == null || appId.isBlank()) {
			throw new IllegalArgumentException("WeChat OA app-id is missing: set jingling.wxmp.app-id");
		}
		boolean safe = aesKey != null && !aesKey.isBlank();
		if (safe && !AES_KEY.matcher(aesKey).matches()) {
			throw new IllegalArgumentException("WeChat OA aes-key must be the 43-character EncodingAESKey, "
					+ "or blank for plain mode: check jingling.wxmp.aes-key");
		}
		this.token = token;
		this.safeMode = safe ? new WeComCallbackCrypto(token, aesKey, appId, clock, window) : null;
		this.clock = clock;
		this.window = window;
	}

	/**
	 * Answers the platform's GET check of the callback URL: verifies {@code signature}
	 * and returns {@code echostr} as received, to be sent back as the plain response
	 * body. The check is the same in both modes.
	 */
	public String verifyUrl(String signature, String timestamp, String nonce, String echostr) {
		if (blank(echostr)) {
			throw new CallbackRejectedException(Reason.MALFORMED, "OA URL check lacks echostr");
		}
		checkPlain(signature, timestamp, nonce);
		return echostr;
	}

	/**
	 * Verifies a POSTed callback and returns its plaintext XML. {@code query} holds the
	 * callback URL's decoded query parameters ({@code signature}, {@code timestamp},
	 * {@code nonce}, and in safe mode {@code encrypt_type=aes} and
	 * {@code msg_signature}); {@code body} is the posted XML.
	 */
	public String open(Map<String, String> query, String body) {
		String encryptType = query.get("encrypt_type");
		boolean encrypted = "aes".equals(encryptType);
		if (!encrypted && encryptType != null && !"raw".equals(encryptType)) {
			throw new CallbackRejectedException(Reason.MALFORMED, "OA callback has an unknown encrypt_type");
		}
		if (encrypted != (this.safeMode != null)) {
			throw new CallbackRejectedException(Reason.BAD_ENCRYPTION,
					encrypted ? "OA callback is encrypted but no aes-key is configured"
							: "OA callback is plain but safe mode (an aes-key) is configured");
		}
		if (encrypted) {
			return this.safeMode.decrypt(query.get("msg_signature"), query.get("timestamp"), query.get("nonce"), body);
		}
		if (blank(body)) {
			throw new CallbackRejectedException(Reason.MALFORMED, "OA callback body is empty");
		}
		checkPlain(query.get("signature"), query.get("timestamp"), query.get("nonce"));
		return body;
	}

	/**
	 * The plain-mode {@code signature}: SHA-1 over the three strings sorted and joined.
	 */
	public static String signature(String token, String timestamp, String nonce) {
		String[] parts = { token, timestamp, nonce };
		Arrays.sort(parts);
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			return HexFormat.of().formatHex(sha1.digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-1 is not available in this JVM", ex);
		}
	}

	private void checkPlain(String signature, String timestamp, String nonce) {
		if (blank(signature) || blank(timestamp) || blank(nonce)) {
			throw new CallbackRejectedException(Reason.MALFORMED, "OA callback lacks signature, timestamp or nonce");
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			throw new CallbackRejectedException(Reason.MALFORMED, "OA callback timestamp is not a number");
		}
		if (Math.abs(this.clock.instant().getEpochSecond() - seconds) > this.window.toSeconds()) {
			throw new CallbackRejectedException(Reason.STALE, "OA callback timestamp is outside the window");
		}
		byte[] expected = signature(this.token, timestamp, nonce).getBytes(StandardCharsets.UTF_8);
		if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8))) {
			throw new CallbackRejectedException(Reason.BAD_SIGNATURE, "OA callback signature does not match");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
