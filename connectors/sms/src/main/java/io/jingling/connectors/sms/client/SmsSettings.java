package io.jingling.connectors.sms.client;

import java.net.URI;
import java.time.Duration;

/**
 * Where and as whom the client talks to Aliyun SMS, and the sign (签名) every message
 * carries. {@code endpoint} is a URL such as {@code https://dysmsapi.aliyuncs.com} or the
 * simulator's {@code http://127.0.0.1:8089}: its scheme becomes the SDK's protocol and
 * its host and port the SDK's endpoint. A missing value fails here, at start-up, never at
 * the first send.
 */
public record SmsSettings(URI endpoint, String accessKeyId, String accessKeySecret, String signName, Duration timeout) {

	/** The production endpoint. */
	public static final URI DEFAULT_ENDPOINT = URI.create("https://dysmsapi.aliyuncs.com");

	/** Connect and read timeout when none is configured. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	public SmsSettings {
		require(endpoint != null, "endpoint");
		if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
				|| endpoint.getHost() == null) {
			throw new IllegalArgumentException("Aliyun SMS endpoint must be an http(s) URL with a host, such as "
					+ DEFAULT_ENDPOINT + ": set jingling.sms.endpoint");
		}
		require(notBlank(accessKeyId), "access-key-id");
		require(notBlank(accessKeySecret), "access-key-secret");
		require(notBlank(signName), "sign-name");
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(
					"Aliyun SMS timeout must be positive: set jingling.sms.timeout, for example 5s");
		}
	}

	/** The SDK's protocol: the endpoint's scheme. */
	public String protocol() {
		return this.endpoint.getScheme();
	}

	/** The SDK's endpoint: host and port, without a scheme. */
	public String hostAndPort() {
		return (this.endpoint.getPort() == -1) ? this.endpoint.getHost()
				: this.endpoint.getHost() + ":" + this.endpoint.getPort();
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

	private static void require(boolean present, String key) {
		if (!present) {
			throw new IllegalArgumentException("Aliyun SMS " + key + " is missing: set jingling.sms." + key);
		}
	}

	@Override
	public String toString() { // the AccessKey secret never reaches logs or dumps
		return "SmsSettings[endpoint=" + this.endpoint + ", accessKeyId=" + this.accessKeyId + ", signName="
				+ this.signName + ", timeout=" + this.timeout + "]";
	}

}
