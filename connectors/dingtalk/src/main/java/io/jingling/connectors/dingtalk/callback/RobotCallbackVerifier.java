package io.jingling.connectors.dingtalk.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code timestamp} and {@code sign} headers DingTalk puts on a robot callback
 * in HTTP mode: the timestamp must be within an hour of our clock, and the sign must be
 * {@code Base64(HmacSHA256(key = appSecret, timestamp + "\n" + appSecret))}, not
 * URL-encoded.
 *
 * @see <a href="https://open.dingtalk.com/document/orgapp/receive-message">Receive robot
 * messages</a>
 */
public final class RobotCallbackVerifier {

	// DingTalk's documented window; it also bounds how long a captured request can be
	// replayed.
	static final Duration WINDOW = Duration.ofHours(1);

	private final String appSecret;

	private final Clock clock;

	public RobotCallbackVerifier(String appSecret, Clock clock) {
		if (appSecret == null || appSecret.isBlank()) {
			throw new IllegalArgumentException("DingTalk app-secret is missing: set jingling.dingtalk.app-secret");
		}
		this.appSecret = appSecret;
		this.clock = clock;
	}

	/**
	 * Judges a callback by its two headers; never throws, whatever the sender put in
	 * them.
	 */
	public Verdict verify(String timestampHeader, String signHeader) {
		if (timestampHeader == null || timestampHeader.isBlank() || signHeader == null || signHeader.isBlank()) {
			return Verdict.MISSING;
		}
		long timestamp;
		try {
			timestamp = Long.parseLong(timestampHeader.trim());
		}
		catch (NumberFormatException ex) {
			return Verdict.MISSING;
		}
		long age = Math.abs(this.clock.millis() - timestamp);
		if (age > WINDOW.toMillis()) {
			return Verdict.STALE;
		}
		byte[] expected = sign(this.appSecret, timestamp).getBytes(StandardCharsets.UTF_8);
		byte[] given = signHeader.trim().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, given) ? Verdict.ACCEPTED : Verdict.BAD_SIGNATURE;
	}

	/** The sign DingTalk computes for a callback sent at {@code timestampMillis}. */
	public static String sign(String appSecret, long timestampMillis) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestampMillis + "\n" + appSecret).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

	/**
	 * The outcome of {@link #verify(String, String)}; only {@link #ACCEPTED} lets a
	 * callback in.
	 */
	public enum Verdict {

		/** Fresh and correctly signed. */
		ACCEPTED,
		/** A header is absent, blank, or the timestamp is not a number. */
		MISSING,
		/** Signed more than an hour before or after our clock. */
		STALE,
		/** The sign does not match: forged, or signed with another secret. */
		BAD_SIGNATURE

	}

}
