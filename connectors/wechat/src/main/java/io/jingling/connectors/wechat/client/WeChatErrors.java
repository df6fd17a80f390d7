package io.jingling.connectors.wechat.client;

import java.time.Duration;
import java.util.Map;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.TransientConnectorException;

/**
 * WeCom error codes in words an officer can act on, and how the hub treats each: -1
 * (busy) and no answer are transient; 45009 is throttled (wait a minute); a rejected
 * access token (40014, 42001) that is still rejected after one refresh is transient;
 * everything else (60020, 48002, 81017, 40003, 45015, 45047, 95xxx, ...) is permanent.
 *
 * @see <a href="https://developer.work.weixin.qq.com/document/path/90313">wecom:90313
 * global error codes</a>
 */
public final class WeChatErrors {

	static final String PLATFORM = "wecom";

	// WeCom publishes no reset time for 45009; a minute lets per-minute windows pass
	// without hammering the API.
	static final Duration THROTTLE_BACKOFF = Duration.ofMinutes(1);

	private static final String KF_WINDOW = "已超过 48 小时回复时限或 5 条回复上限，需等线人再次发消息";

	private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(-1, "企业微信系统繁忙，稍后重试"),
			Map.entry(40001, "应用 secret 不正确，请检查 jingling.wecom.secret"), Map.entry(40003, "无效的 UserID：该成员不存在或不在应用可见范围"),
			Map.entry(40007, "素材 media_id 无效或已过期（临时素材保留 3 天）"),
			Map.entry(40013, "企业 ID 不正确，请检查 jingling.wecom.corp-id"),
			Map.entry(40014, "access_token 无效，已重新获取仍被拒绝，稍后重试"), Map.entry(41001, "请求缺少 access_token"),
			Map.entry(42001, "access_token 已过期，已重新获取仍被拒绝，稍后重试"),
			Map.entry(40058, "请求参数不符合企业微信要求（例如客服链接 scene 超过 32 字节或含非法字符）"), Map.entry(44004, "消息内容为空"),
			Map.entry(45002, "消息内容超过长度限制"), Map.entry(45009, "接口调用频率超限，稍后重试"), Map.entry(45015, KF_WINDOW),
			Map.entry(45047, KF_WINDOW), Map.entry(47001, "请求数据格式错误"), Map.entry(48002, "应用没有该接口权限"),
			Map.entry(60020, "服务器 IP 不在企业微信可信 IP 列表，请管理员在企业微信后台添加"), Map.entry(81017, "应用可见范围超过 1000 人，查询客户群时须按群主筛选"),
			Map.entry(95000, "微信客服账号 open_kfid 无效，请检查 jingling.wecom.kf-id"),
			Map.entry(95004, "微信客服账号 open_kfid 不存在，请检查 jingling.wecom.kf-id"),
			Map.entry(95007, "微信客服消息令牌无效或已过期（回调后 10 分钟内有效），等待下一次回调"));

	private WeChatErrors() {
	}

	/**
	 * A short Chinese reason for an errcode, for officers and admins; an unknown code
	 * gives {@code 企业微信返回错误 <code>}.
	 */
	public static String reason(int errcode) {
		String reason = REASONS.get(errcode);
		if (reason != null) {
			return reason;
		}
		// 微信客服 send_msg refusals share the 95xxx range; outside the codes above they
		// mean the conversation no longer accepts replies
		return (errcode >= 95000 && errcode < 96000) ? KF_WINDOW : "企业微信返回错误 " + errcode;
	}

	// The exception for an errcode WeCom answered; token codes reach here only after
	// WxJava's one refresh, so the next attempt starts with a fresh token.
	static ConnectorException exception(String operation, int errcode, Throwable cause) {
		String code = String.valueOf(errcode);
		String message = "WeCom " + operation + " failed with " + errcode + ": " + reason(errcode) + ".";
		return switch (errcode) {
			case -1, 40014, 42001 -> new TransientConnectorException(PLATFORM, code, message, cause);
			case 45009 -> new ThrottledConnectorException(PLATFORM, code, message, THROTTLE_BACKOFF, cause);
			default -> new PermanentConnectorException(PLATFORM, code, message, cause);
		};
	}

	// WeCom never answered: connection refused, reset or timed out.
	static TransientConnectorException unreachable(String operation, Throwable cause) {
		return new TransientConnectorException(PLATFORM, "io",
				"WeCom " + operation + " failed: no answer (" + cause.getClass().getSimpleName() + ").", cause);
	}

}
