package io.jingling.connectors.wechat.client;

import java.net.URI;
import java.time.Duration;

/**
 * Where and as whom the hub talks to WeCom (企业微信). {@code apiUrl} points at the simulator
 * in tests and the embedded run. {@code token} and {@code aesKey} belong to the app's
 * callback URL; {@code kfId} is the 微信客服 account ({@code open_kfid}) tips arrive on.
 * {@code agentId} is optional. A missing value fails here, at start-up, never at the
 * first send.
 */
public record WeComSettings(URI apiUrl, String corpId, String secret, String agentId, String token, String aesKey,
		String kfId, Duration timeout) {

	/** The production API host. */
	public static final URI DEFAULT_API_URL = URI.create("https://qyapi.weixin.qq.com");

	/** Read and connect timeout when none is configured. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	public WeComSettings {
		require(apiUrl != null, "api-url");
		require(notBlank(corpId), "corp-id");
		require(notBlank(secret), "secret");
		require(notBlank(token), "token");
		require(notBlank(aesKey), "aes-key");
		require(notBlank(kfId), "kf-id");
		if (notBlank(agentId) && !agentId.strip().matches("\\d{1,10}")) {
			throw new IllegalArgumentException("WeCom agent-id must be a number: check jingling.wecom.agent-id");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(
					"WeCom timeout must be positive: set jingling.wecom.timeout, for example 5s");
		}
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

	private static void require(boolean present, String key) {
		if (!present) {
			throw new IllegalArgumentException("WeCom " + key + " is missing: set jingling.wecom." + key);
		}
	}

	@Override
	public String toString() { // secret, callback token and AES key never reach logs or
								// dumps
		return "WeComSettings[apiUrl=" + this.apiUrl + ", corpId=" + this.corpId + ", agentId=" + this.agentId
				+ ", kfId=" + this.kfId + ", timeout=" + this.timeout + "]";
	}

}
