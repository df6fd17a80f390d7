package io.jingling.connectors.wechat.mp;

import java.time.Duration;
import java.util.Map;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.TransientConnectorException;
import io.jingling.connectors.wechat.client.WeChatErrors;

// Official Account error codes in words an officer or admin can act on, and how the hub treats
// each: -1 (busy) and no answer are transient; 45011 (per-minute limit) is throttled for a
// minute; a rejected access token (40014, 42001) that is still rejected after one refresh is
// transient; everything else is permanent. 40001 is permanent too: WxJava refreshes on it, so
// what is left is the token call itself refusing the secret. 45009 is the daily quota, which
// only midnight or an admin resets, so it is permanent as well.
final class MpErrors {

	static final String PLATFORM = "wxmp";

	static final Duration THROTTLE_BACKOFF = Duration.ofMinutes(1);

	private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(-1, "微信系统繁忙，稍后重试"),
			Map.entry(40001, "AppSecret 不正确，请检查 jingling.wxmp.secret"), Map.entry(40003, "无效的 OpenID：该用户不是本公众号的粉丝"),
			Map.entry(40013, "AppID 不正确，请检查 jingling.wxmp.app-id"), Map.entry(40014, "access_token 无效，已重新获取仍被拒绝，稍后重试"),
			Map.entry(40164, "服务器 IP 不在公众号的 IP 白名单，请管理员在公众平台「基本配置」中添加"), Map.entry(41001, "请求缺少 access_token"),
			Map.entry(42001, "access_token 已过期，已重新获取仍被拒绝，稍后重试"), Map.entry(44004, "消息内容为空"),
			Map.entry(45009, "接口调用已达今日上限（每日零点重置，管理员可在公众平台清零）"), Map.entry(45011, "接口调用频率超限，稍后重试"),
			Map.entry(45015, WeChatErrors.reason(45015)), Map.entry(45047, WeChatErrors.reason(45047)),
			Map.entry(48001, "公众号没有该接口权限（客服消息需已认证的公众号）"));

	private MpErrors() {
	}

	static String reason(int errcode) {
		return REASONS.getOrDefault(errcode, "公众号返回错误 " + errcode);
	}

	// The exception for an errcode the platform answered; token codes reach here only
	// after
	// WxJava's one refresh, so the next attempt starts with a fresh token.
	static ConnectorException exception(String operation, int errcode, Throwable cause) {
		String code = String.valueOf(errcode);
		String message = "WeChat OA " + operation + " failed with " + errcode + ": " + reason(errcode) + ".";
		return switch (errcode) {
			case -1, 40014, 42001 -> new TransientConnectorException(PLATFORM, code, message, cause);
			case 45011 -> new ThrottledConnectorException(PLATFORM, code, message, THROTTLE_BACKOFF, cause);
			default -> new PermanentConnectorException(PLATFORM, code, message, cause);
		};
	}

	// The platform never answered: connection refused, reset or timed out, or an HTTP
	// error.
	static TransientConnectorException unreachable(String operation, Throwable cause) {
		return new TransientConnectorException(PLATFORM, "io",
				"WeChat OA " + operation + " failed: no answer (" + cause.getClass().getSimpleName() + ").", cause);
	}

	static TransientConnectorException unreadable(String operation, Throwable cause) {
		return new TransientConnectorException(PLATFORM, "bad-answer",
				"WeChat OA " + operation + " failed: the answer was not WeChat JSON.", cause);
	}

}
