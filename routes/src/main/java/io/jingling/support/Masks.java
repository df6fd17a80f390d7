package io.jingling.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Masks personal data before it reaches a log line. */
public final class Masks {

	private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");

	private Masks() {
	}

	/** {@code 13812345678} becomes {@code 138****5678}. */
	public static String phone(String phone) {
		if (phone == null || phone.length() < 7) {
			return "****";
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

	/** Replaces every mainland mobile number inside free text by its masked form. */
	public static String phonesIn(String text) {
		return (text == null) ? null : MOBILE.matcher(text).replaceAll("$1****$3");
	}

	/**
	 * A short stable hash of a person id, so support can correlate log lines without the
	 * id itself.
	 */
	public static String person(String id) {
		if (id == null) {
			return "p:-";
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
			return "p:" + HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
