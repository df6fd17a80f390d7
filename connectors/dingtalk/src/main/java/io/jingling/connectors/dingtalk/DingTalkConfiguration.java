package io.jingling.connectors.dingtalk;

import java.net.URI;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.jingling.connectors.dingtalk.client.DingTalkSettings;

/**
 * Endpoint options of the {@code dingtalk} component: the app's credentials, its agentId
 * (for work notifications) and the hosts to call.
 */
@UriParams
public class DingTalkConfiguration {

	@UriParam(description = "The app's AppKey (Client ID).")
	private String appKey;

	@UriParam(label = "security", secret = true, description = "The app's AppSecret (Client Secret).")
	private String appSecret;

	@UriParam(description = "The robot's code; for an internal app robot usually the AppKey.")
	private String robotCode;

	@UriParam(defaultValue = "https://api.dingtalk.com", description = "Base URL of the v1.0 API.")
	private String apiUrl = DingTalkSettings.DEFAULT_API_URL.toString();

	@UriParam(defaultValue = "https://oapi.dingtalk.com",
			description = "Base URL of the old API; session webhooks are rebased onto it.")
	private String oapiUrl = DingTalkSettings.DEFAULT_OAPI_URL.toString();

	@UriParam(description = "The app's AgentId; only work notifications need it.")
	private Long agentId;

	public String getAppKey() {
		return this.appKey;
	}

	public void setAppKey(String appKey) {
		this.appKey = appKey;
	}

	public String getAppSecret() {
		return this.appSecret;
	}

	public void setAppSecret(String appSecret) {
		this.appSecret = appSecret;
	}

	public String getRobotCode() {
		return this.robotCode;
	}

	public void setRobotCode(String robotCode) {
		this.robotCode = robotCode;
	}

	public String getApiUrl() {
		return this.apiUrl;
	}

	public void setApiUrl(String apiUrl) {
		this.apiUrl = apiUrl;
	}

	public String getOapiUrl() {
		return this.oapiUrl;
	}

	public void setOapiUrl(String oapiUrl) {
		this.oapiUrl = oapiUrl;
	}

	public Long getAgentId() {
		return this.agentId;
	}

	public void setAgentId(Long agentId) {
		this.agentId = agentId;
	}

	/** The client settings; fails with a message naming the missing key. */
	public DingTalkSettings toSettings() {
		return new DingTalkSettings(uri(this.apiUrl), uri(this.oapiUrl), this.appKey, this.appSecret, this.robotCode,
				DingTalkSettings.DEFAULT_TIMEOUT, this.agentId);
	}

	/** A copy, so endpoint options never change the component's shared configuration. */
	public DingTalkConfiguration copy() {
		DingTalkConfiguration copy = new DingTalkConfiguration();
		copy.appKey = this.appKey;
		copy.appSecret = this.appSecret;
		copy.robotCode = this.robotCode;
		copy.apiUrl = this.apiUrl;
		copy.oapiUrl = this.oapiUrl;
		copy.agentId = this.agentId;
		return copy;
	}

	private static URI uri(String value) {
		return (value != null && !value.isBlank()) ? URI.create(value) : null;
	}

	@Override
	public String toString() { // the app secret never reaches logs or dumps
		return "DingTalkConfiguration[appKey=" + this.appKey + ", robotCode=" + this.robotCode + ", apiUrl="
				+ this.apiUrl + ", oapiUrl=" + this.oapiUrl + ", agentId=" + this.agentId + "]";
	}

}
