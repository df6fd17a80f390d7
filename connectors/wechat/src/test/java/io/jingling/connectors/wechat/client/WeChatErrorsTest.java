package io.jingling.connectors.wechat.client;

import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.TransientConnectorException;

import static org.assertj.core.api.Assertions.assertThat;

class WeChatErrorsTest {

	@Test
	void explainsTheCodesOfficersMeetInChinese() {
		assertThat(WeChatErrors.reason(45009)).isEqualTo("接口调用频率超限，稍后重试");
		assertThat(WeChatErrors.reason(60020)).isEqualTo("服务器 IP 不在企业微信可信 IP 列表，请管理员在企业微信后台添加");
		assertThat(WeChatErrors.reason(48002)).isEqualTo("应用没有该接口权限");
		assertThat(WeChatErrors.reason(42001)).contains("access_token");
		assertThat(WeChatErrors.reason(40014)).contains("access_token");
		assertThat(WeChatErrors.reason(41001)).contains("access_token");
	}

	@Test
	void explainsTheReplyWindowForKfAndOfficialAccountRefusals() {
		String window = "已超过 48 小时回复时限或 5 条回复上限，需等线人再次发消息";
		assertThat(WeChatErrors.reason(95001)).isEqualTo(window);
		assertThat(WeChatErrors.reason(95013)).isEqualTo(window);
		assertThat(WeChatErrors.reason(45015)).isEqualTo(window);
		assertThat(WeChatErrors.reason(45047)).isEqualTo(window);
		assertThat(WeChatErrors.reason(95007)).contains("令牌");
	}

	@Test
	void namesAnUnknownCode() {
		assertThat(WeChatErrors.reason(12345)).isEqualTo("企业微信返回错误 12345");
	}

	@Test
	void classifiesBusyAndRejectedTokensAsTransient() {
		for (int code : new int[] { -1, 40014, 42001 }) {
			assertThat(WeChatErrors.exception("group task", code, null))
				.isExactlyInstanceOf(TransientConnectorException.class)
				.extracting(ConnectorException::code)
				.isEqualTo(String.valueOf(code));
		}
	}

	@Test
	void throttlesFrequencyLimitsForAMinute() {
		ConnectorException throttled = WeChatErrors.exception("kf send", 45009, null);

		assertThat(throttled).isInstanceOf(ThrottledConnectorException.class);
		assertThat(((ThrottledConnectorException) throttled).backoff()).isEqualTo(Duration.ofMinutes(1));
		assertThat(throttled.platform()).isEqualTo("wecom");
	}

	@Test
	void classifiesEverythingElseAsPermanentWithTheReason() {
		for (int code : new int[] { 60020, 48002, 81017, 40003, 45015, 45047, 95001, 95007, 40058, 41001, 12345 }) {
			ConnectorException failure = WeChatErrors.exception("group task", code, null);

			assertThat(failure).isInstanceOf(PermanentConnectorException.class);
			assertThat(failure.getMessage())
				.isEqualTo("WeCom group task failed with " + code + ": " + WeChatErrors.reason(code) + ".");
		}
	}

	@Test
	void treatsNoAnswerAsTransient() {
		TransientConnectorException failure = WeChatErrors.unreachable("kf sync", new ConnectException());

		assertThat(failure.code()).isEqualTo("io");
		assertThat(failure.getMessage()).isEqualTo("WeCom kf sync failed: no answer (ConnectException).");
	}

}
