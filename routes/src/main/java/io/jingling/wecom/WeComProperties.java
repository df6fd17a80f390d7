package io.jingling.wecom;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the bureau's WeCom app (customer contact and 微信客服).
 *
 * @param apiUrl WeCom's API host (a key left at its default is pointed at the simulator
 * in the sandbox)
 * @param corpId the corp id, also the receive id inside callback ciphertexts
 * @param secret the app secret
 * @param agentId the app's agent id
 * @param token the callback token (signs callbacks)
 * @param aesKey the callback EncodingAESKey (43 characters)
 * @param kfId the 微信客服 account ({@code open_kfid}) tips come in through
 * @param timeout connect and read timeout of each call
 * @param callbackWindow how far a callback's timestamp may be from the hub's clock
 * @param reachPollPeriod how often broadcast tasks are checked for confirmation and
 * delivery
 */
@Validated
@ConfigurationProperties("jingling.wecom")
public record WeComProperties(@DefaultValue("https://qyapi.weixin.qq.com") URI apiUrl, @NotBlank String corpId,
		@NotBlank String secret, @DefaultValue("") String agentId, @NotBlank String token, @NotBlank String aesKey,
		@NotBlank String kfId, @DefaultValue("5s") Duration timeout, @DefaultValue("5m") Duration callbackWindow,
		@DefaultValue("60s") Duration reachPollPeriod) {

	@Override
	public String toString() {
		return "WeComProperties[apiUrl=" + this.apiUrl + ", corpId=" + this.corpId + ", agentId=" + this.agentId
				+ ", kfId=" + this.kfId + "]";
	}

}
