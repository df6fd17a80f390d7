package io.jingling.dingtalk;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the DingTalk app whose robot sits in the bureau's groups.
 *
 * @param apiUrl the new API host (a key left at its default is pointed at the simulator
 * in the sandbox)
 * @param oapiUrl the old API host, also where session webhooks are posted
 * @param appKey the app's Client ID
 * @param appSecret the app's Client Secret: signs inbound robot callbacks
 * @param robotCode the robot's code (usually the app key)
 * @param timeout connect and read timeout of each call
 * @param messagesPerMinute pacing per robot and per group
 * @param throttleBackoff how long a throttled robot or group is left alone
 * @param agentId the app's AgentId, needed for work notifications (orders to officers)
 */
@Validated
@ConfigurationProperties("jingling.dingtalk")
public record DingTalkProperties(@DefaultValue("https://api.dingtalk.com") URI apiUrl,
		@DefaultValue("https://oapi.dingtalk.com") URI oapiUrl, @NotBlank String appKey, @NotBlank String appSecret,
		@NotBlank String robotCode, @DefaultValue("5s") Duration timeout,
		@DefaultValue("20") @Positive int messagesPerMinute, @DefaultValue("10m") Duration throttleBackoff,
		Long agentId) {

	@Override
	public String toString() {
		return "DingTalkProperties[apiUrl=" + apiUrl + ", oapiUrl=" + oapiUrl + ", appKey=" + appKey + ", robotCode="
				+ robotCode + ", agentId=" + agentId + "]";
	}

}
