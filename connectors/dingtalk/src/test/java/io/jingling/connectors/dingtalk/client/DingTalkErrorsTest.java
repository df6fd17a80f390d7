package io.jingling.connectors.dingtalk.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.dingtalk.client.DingTalkErrors.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class DingTalkErrorsTest {

	@ParameterizedTest(name = "HTTP {0} {1} -> {2}")
	@CsvSource({
			// v1.0 API
			"400, InvalidAuthentication, AUTH", "401, InvalidAuthentication, AUTH",
			"400, AuthenticationFailed.MissingParameter, AUTH",
			"403, Forbidden.AccessDenied.QpsLimitForAppkeyAndApi, THROTTLED",
			"403, Forbidden.AccessDenied.QpsLimitForApi, THROTTLED", "429, , THROTTLED", "500, system.error, TRANSIENT",
			"503, , TRANSIENT", "502, ServiceUnavailable, TRANSIENT",
			"400, invalidParameter.msgParam.invalid, PERMANENT", "400, invalidParameter.robotCode.auth, PERMANENT",
			"400, invalidParameter.userIds.overMax, PERMANENT", "400, invalid.openConversationId, PERMANENT",
			"400, resource.unavailable, PERMANENT", "400, bot.stopped, PERMANENT",
			"400, invalidClientIdOrSecret, PERMANENT", "403, Forbidden.AccessDenied.ApiCountLimitForOrg, PERMANENT",
			"404, , PERMANENT",
			// DING
			"400, toomuch.msg, THROTTLED", "400, ding.serverquota.insufficient, PERMANENT",
			"403, Forbidden.AccessDenied.AccessTokenPermissionDenied, PERMANENT",
			"400, ding.receivercount.limit, PERMANENT", "400, invalid.chatbotId, PERMANENT",
			// webhook errcodes, always HTTP 200
			"200, 410100, THROTTLED", "200, 130101, THROTTLED", "200, 660026, THROTTLED", "200, -1, TRANSIENT",
			"200, 310000, PERMANENT", "200, 300001, PERMANENT", "200, 300005, PERMANENT", "200, 400013, PERMANENT",
			"200, 400102, PERMANENT", "200, 400106, PERMANENT", "200, 430101, PERMANENT", "200, 430104, PERMANENT",
			"200, 460101, PERMANENT", "200, 43004, PERMANENT", "200, 400105, PERMANENT",
			// read status
			"400, processQueryKey.expireTime, TRANSIENT", "400, invalid.processQueryKey, PERMANENT",
			"400, invalidParameter.pageSize.invalid, PERMANENT", "400, invalidParameter.cursor.invalid, PERMANENT",
			// old API (oapi) errcodes, always HTTP 200
			"200, 90018, THROTTLED", "200, 90002, THROTTLED", "200, 90020, PERMANENT", "200, 88, PERMANENT",
			"200, 40035, PERMANENT", "200, 41020, PERMANENT" })
	void classifiesAnswers(int status, String code, Kind kind) {
		assertThat(DingTalkErrors.classify(status, code)).isEqualTo(kind);
	}

	@ParameterizedTest(name = "{0} -> wait {1}")
	@CsvSource({ "410100, PT10M", "130101, PT10M", "660026, PT10M",
			"Forbidden.AccessDenied.QpsLimitForAppkeyAndApi, PT1S", "Forbidden.AccessDenied.QpsLimitForApi, PT1S",
			"toomuch.msg, PT1M", "90018, PT1S", "90002, PT1S" })
	void throttlingSaysHowLongToWait(String code, Duration backoff) {
		ConnectorException exception = DingTalkErrors.exception("group send", 200, code, null);
		assertThat(exception).isInstanceOfSatisfying(ThrottledConnectorException.class,
				(throttled) -> assertThat(throttled.backoff()).isEqualTo(backoff));
	}

	@ParameterizedTest(name = "HTTP {0} {1} -> {2}")
	@CsvSource({ "500, system.error, io.jingling.connectors.TransientConnectorException",
			"400, invalidParameter.msgKey.invalid, io.jingling.connectors.PermanentConnectorException",
			"400, InvalidAuthentication, io.jingling.connectors.TransientConnectorException" })
	void mapsKindsToExceptions(int status, String code, Class<?> type) {
		ConnectorException exception = DingTalkErrors.exception("group send", status, code, "REQ-1");
		assertThat(exception).isInstanceOf(type);
		assertThat(exception.platform()).isEqualTo("dingtalk");
		assertThat(exception.code()).isEqualTo(code);
		assertThat(exception.getMessage())
			.isEqualTo("DingTalk group send failed with " + code + " (HTTP " + status + ", request REQ-1).");
	}

	@Test
	void namesTheSubCodeOfAnOldApiAnswer() {
		ConnectorException exception = DingTalkErrors.exception("work notice send", 200, "88", "60011", "req0003");

		assertThat(exception).isInstanceOf(PermanentConnectorException.class);
		assertThat(exception.code()).isEqualTo("88");
		assertThat(exception.getMessage())
			.isEqualTo("DingTalk work notice send failed with 88/60011 (HTTP 200, request req0003).");
	}

}
