package io.jingling.connectors.wechat;

import java.net.URI;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import io.jingling.connectors.wechat.client.WeComSettings;

/**
 * Endpoint options of the {@code wecom} component: the app's credentials, the 微信客服
 * account and the host to call.
 */
@UriParams
public class WeComConfiguration {

	@UriParam(description = "The corp id (企业 ID), ww...")
	private String corpId;

	@UriParam(label = "security", secret = true, description = "The app's secret.")
	private String secret;

	@UriParam(description = "The app's AgentId; optional.")
	private String agentId;

	@UriParam(label = "security", secret = true, description = "The callback URL's Token.")
	private String token;

	@UriParam(label = "security", secret = true, description = "The callback URL's 43-character EncodingAESKey.")
	private String aesKey;

	@UriParam(description = "The 微信客服 account (open_kfid, wk...) replies are sent from.")
	private String kfId;

	@UriParam(defaultValue = "https://qyapi.weixin.qq.com", description = "Base URL of the WeCom API.")
	private String apiUrl = WeComSettings.DEFAULT_API_URL.toString();

	public String getCorpId() {
		return this.corpId;
	}

	public void setCorpId(String corpId) {
		this.corpId = corpId;
	}

	public String getSecret() {
		return this.secret;
	}

	public void setSecret(String secret) {
		this.secret = secret;
	}

	public String getAgentId() {
		return this.agentId;
	}

	public void setAgentId(String agentId) {
		this.agentId = agentId;
	}

	public String getToken() {
		return this.token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public String getAesKey() {
		return this.aesKey;
	}

	public void setAesKey(String aesKey) {
		this.aesKey = aesKey;
	}

	public String getKfId() {
		return this.kfId;
	}

	public void setKfId(String kfId) {
		this.kfId = kfId;
	}

	public String getApiUrl() {
		return this.apiUrl;
	}

	public void setApiUrl(String apiUrl) {
		this.apiUrl = apiUrl;
	}

	/** The client settings; fails with a message naming the missing key. */
	public WeComSettings toSettings() {
		URI api = (this.apiUrl != null && !this.apiUrl.isBlank()) ? URI.create(this.apiUrl) : null;
		return new WeComSettings(api, this.corpId, this.secret, this.agentId, this.token, this.aesKey, this.kfId,
				WeComSettings.DEFAULT_TIMEOUT);
	}

	/** A copy, so endpoint options never change the component's shared configuration. */
	public WeComConfiguration copy() {
		WeComConfiguration copy = new WeComConfiguration();
		copy.corpId = this.corpId;
		copy.secret = this.secret;
		copy.agentId = this.agentId;
		copy.token = this.token;
		copy.aesKey = this.aesKey;
		copy.kfId = this.kfId;
		copy.apiUrl = this.apiUrl;
		return copy;
	}

	@Override
	public String toString() { // secret, token and AES key never reach logs or dumps
		return "WeComConfiguration[corpId=" + this.corpId + ", agentId=" + this.agentId + ", kfId=" + this.kfId
				+ ", apiUrl=" + this.apiUrl + "]";
	}

}
