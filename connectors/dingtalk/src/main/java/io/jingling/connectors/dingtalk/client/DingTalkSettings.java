package io.jingling.connectors.dingtalk.client;

import java.net.URI;
import java.time.Duration;

/**
 * Where and as whom the client talks to DingTalk. {@code apiUrl} serves the v1.0 API,
 * {@code oapiUrl} the old API (work notifications) and session webhooks; both point at
 * the simulator in tests and the embedded run. A missing credential fails here, at
 * start-up, never at the first send. {@code agentId} (the app's AgentId) is optional:
 * only work notifications need it, and they fail with code {@code agentId.missing}
 * without it.
 */
public record DingTalkSettings(URI apiUrl, URI oapiUrl, String appKey, String appSecret, String robotCode,
		Duration timeout, Long agentId) {

	/** The production v1.0 API host. */
	public static final URI DEFAULT_API_URL = URI.create("https://api.dingtalk.com");

	/** The production old-API host, which also serves session webhooks. */
	public static final URI DEFAULT_OAPI_URL = URI.create("https://oapi.dingtalk.com");

	/** Read and connect timeout when none is configured. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	public DingTalkSettings {
		require(apiUrl != null, "api-url");
		require(oapiUrl != null, "oapi-url");
		require(notBlank(appKey), "app-key");
		require(notBlank(appSecret), "app-secret");
		require(notBlank(robotCode), "robot-code");
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(
					"DingTalk timeout must be positive: set jingling.dingtalk.timeout, for example 5s");
		}
		if (agentId != null && agentId <= 0) {
			throw new IllegalArgumentException("DingTalk agent-id must be positive: set jingling.dingtalk.agent-id");
		}
	}

	/** Settings without an agentId: everything but work notifications. */
	public DingTalkSettings(URI apiUrl, URI oapiUrl, String appKey, String appSecret, String robotCode,
			Duration timeout) {
		this(apiUrl, oapiUrl, appKey, appSecret, robotCode, timeout, null);
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

	private static void require(boolean present, String key) {
		if (!present) {
			throw new IllegalArgumentException("DingTalk " + key + " is missing: set jingling.dingtalk." + key);
		}
	}

	@Override
	public String toString() { // the app secret never reaches logs or dumps
		return "DingTalkSettings[apiUrl=" + this.apiUrl + ", oapiUrl=" + this.oapiUrl + ", appKey=" + this.appKey
				+ ", robotCode=" + this.robotCode + ", timeout=" + this.timeout + ", agentId=" + this.agentId + "]";
	}

}
