package io.jingling.connectors.dingtalk.sim;

import java.util.Map;

import io.jingling.connectors.dingtalk.callback.RobotCallbackVerifier;

/**
 * Plays DingTalk calling the hub: what DingTalk puts on a robot callback it POSTs to the
 * hub.
 */
public final class RobotCallbacks {

	private RobotCallbacks() {
	}

	/**
	 * The {@code timestamp} and {@code sign} headers DingTalk sends with a callback
	 * signed at that time.
	 */
	public static Map<String, String> signedHeaders(String appSecret, long timestampMillis) {
		return Map.of("timestamp", String.valueOf(timestampMillis), "sign",
				RobotCallbackVerifier.sign(appSecret, timestampMillis));
	}

}
