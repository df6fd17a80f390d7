package io.jingling.dingtalk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The event subscription (事件订阅) under {@code jingling.dingtalk.callback.*}.
 *
 * @param token the subscription's token (3–32 characters)
 * @param aesKey its 43-character aes_key
 * @param ownerKey the key the plaintext ends with: the app's AppKey for subscriptions
 * configured in the developer console, the CorpId for ones registered by API
 * @param window how far an event's time may be from the hub's clock
 */
@ConfigurationProperties("jingling.dingtalk.callback")
public record EventCallbackProperties(String token, String aesKey, String ownerKey,
		@DefaultValue("1h") Duration window) {

	@Override
	public String toString() {
		return "EventCallbackProperties[ownerKey=" + this.ownerKey + ", window=" + this.window + "]";
	}

}
