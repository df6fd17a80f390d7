package io.jingling.wxmp;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bureau's Official Account, an optional second tip inbox.
 *
 * @param apiUrl the Official Account API host (left at its default, pointed at the
 * simulator in the sandbox)
 * @param appId the account's app id (unset: no Official Account inbox)
 * @param secret the app secret
 * @param token the callback token
 * @param aesKey the EncodingAESKey for safe mode; blank for plain mode
 * @param timeout connect and read timeout of each call
 * @param callbackWindow how far a callback's timestamp may be from the hub's clock
 */
@ConfigurationProperties("jingling.wxmp")
public record WxMpProperties(@DefaultValue("https://api.weixin.qq.com") URI apiUrl, String appId, String secret,
		String token, @DefaultValue("") String aesKey, @DefaultValue("5s") Duration timeout,
		@DefaultValue("5m") Duration callbackWindow) {

	@Override
	public String toString() {
		return "WxMpProperties[apiUrl=" + this.apiUrl + ", appId=" + this.appId + "]";
	}

}
