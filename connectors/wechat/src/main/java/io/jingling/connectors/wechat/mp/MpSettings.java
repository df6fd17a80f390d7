package io.jingling.connectors.wechat.mp;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where and as whom the hub talks to the Official Account (公众号). {@code apiUrl} points at
 * the simulator in tests and the embedded run. {@code token} and {@code aesKey} belong to
 * the account's callback URL (服务器配置); a blank {@code aesKey} means plain mode (明文模式),
 * otherwise safe mode (安全模式). A missing value fails here, at start-up, never at the first
 * send.
 */
public record MpSettings(URI apiUrl, String appId, String secret, String token, String aesKey, Duration timeout) {

	/** The production API host. */
	public static final URI DEFAULT_API_URL = URI.create("https://api.weixin.qq.com");

	/** Read and connect timeout when none is configured. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9+/]{43}");

	public MpSettings {
		require(apiUrl != null, "api-url");
		require(notBlank(appId), "app-id");
		require(notBlank(secret), "secret");
		require(notBlank(token), "token");
		if (notBlank(aesKey) && !AES_KEY.matcher(aesKey).matches()) {
			throw new IllegalArgumentException("WeChat OA aes-key must be the 43-character EncodingAESKey, "
					+ "or blank for plain mode: check jingling.wxmp.aes-key");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(
					"WeChat OA timeout must be positive: set jingling.wxmp.timeout, for example 5s");
		}
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

	private static void require(boolean present, String key) {
		if (!present) {
			throw new IllegalArgumentException("WeChat OA " + key + " is missing: set jingling.wxmp." + key);
		}
	}

	@Override
	public String toString() { // secret, callback token and AES key never reach logs
		return "MpSettings[apiUrl=" + this.apiUrl + ", appId=" + this.appId + ", safeMode=" + notBlank(this.aesKey)
				+ ", timeout=" + this.timeout + "]";
	}

}
