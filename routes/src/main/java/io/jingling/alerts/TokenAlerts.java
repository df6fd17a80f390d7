package io.jingling.alerts;

import java.util.Map;

import io.jingling.alerts.OpsAlerts.Signal;
import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.TokenWatch;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The token watch the platform clients are built with: a platform refusing to issue an
 * access token is an operational alert, told once an hour per platform and code. The
 * alert is queued in a transaction of its own, so it stays queued whatever becomes of the
 * work that asked for the token. When DingTalk itself refuses, the admin group hears of
 * it only once DingTalk issues tokens again; the metric and the health indicator show it
 * at once.
 */
@Component
class TokenAlerts implements TokenWatch {

	private static final Map<String, String> PLATFORMS = Map.of("dingtalk", "钉钉", "wecom", "企业微信", "wxmp", "微信公众号");

	private static final Map<String, String> SETTINGS = Map.of("dingtalk",
			"jingling.dingtalk.app-key、jingling.dingtalk.app-secret", "wecom",
			"jingling.wecom.corp-id、jingling.wecom.secret", "wxmp", "jingling.wxmp.app-id、jingling.wxmp.secret");

	// The clients are built before the outbox that alerts need, so the alerts are looked
	// up on the first refusal.
	private final ObjectProvider<OpsAlerts> alerts;

	private final TransactionTemplate separate;

	TokenAlerts(ObjectProvider<OpsAlerts> alerts, PlatformTransactionManager transactions) {
		this.alerts = alerts;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void refused(ConnectorException failure) {
		String platform = PLATFORMS.getOrDefault(failure.platform(), failure.platform());
		String text = platform + "拒绝发放 access_token（错误码 " + failure.code() + "），需要它的调用都会失败。请检查 "
				+ SETTINGS.getOrDefault(failure.platform(), "该平台的凭据") + " 和服务器出口 IP 是否在平台的可信 IP 名单里。"
				+ "修复之前待发的消息按重试规则等待，超过重试次数的进入死信，修复后可在控制台重放。";
		this.separate.executeWithoutResult((status) -> this.alerts.getObject()
			.raise(Signal.TOKEN, failure.platform() + ":" + failure.code(), text));
	}

}
