package io.jingling.connectors.sms.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.TransientConnectorException;

import static org.assertj.core.api.Assertions.assertThat;

class SmsErrorsTest {

	@ParameterizedTest
	@ValueSource(strings = { "isv.MOBILE_NUMBER_ILLEGAL", "isv.MOBILE_COUNT_OVER_LIMIT",
			"isv.TEMPLATE_MISSING_PARAMETERS", "isv.INVALID_JSON_PARAM", "isv.INVALID_PARAMETERS",
			"isv.PARAM_LENGTH_LIMIT", "isv.PARAM_NOT_SUPPORT_URL", "isv.SMS_TEMPLATE_ILLEGAL",
			"isv.SMS_SIGNATURE_ILLEGAL", "isv.SMS_SIGNATURE_SCENE_ILLEGAL", "isv.BLACK_KEY_CONTROL_LIMIT",
			"isv.SMS_CONTENT_ILLEGAL", "isp.RAM_PERMISSION_DENY", "isv.DENY_IP_RANGE", "isv.SOMETHING_NEW" })
	void businessCodesNoRetryCuresArePermanentWithoutAdmin(String code) {
		ConnectorException ex = SmsErrors.business("send", code, "msg", "REQ-1");

		assertThat(ex).isExactlyInstanceOf(PermanentConnectorException.class);
		assertThat(ex.code()).isEqualTo(code);
		assertThat(ex.platform()).isEqualTo("aliyun-sms");
		assertThat(SmsErrors.needsAdmin(ex)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE", "isv.DAY_LIMIT_CONTROL",
			"isv.MONTH_LIMIT_CONTROL" })
	void accountProblemsArePermanentAndNeedAnAdmin(String code) {
		ConnectorException ex = SmsErrors.business("send", code, "msg", "REQ-1");

		assertThat(ex).isInstanceOf(PermanentConnectorException.class);
		assertThat(SmsErrors.needsAdmin(ex)).isTrue();
	}

	@Test
	void needsAdminOnlyForThisPlatform() {
		assertThat(SmsErrors.needsAdmin(new PermanentConnectorException("dingtalk", "isv.AMOUNT_NOT_ENOUGH", "m")))
			.isFalse();
		assertThat(SmsErrors.needsAdmin(null)).isFalse();
	}

	@Test
	void systemErrorIsTransient() {
		assertThat(SmsErrors.business("send", "isp.SYSTEM_ERROR", "系统错误", "REQ-1"))
			.isExactlyInstanceOf(TransientConnectorException.class);
	}

	@ParameterizedTest
	@CsvSource({ "触发分钟级流控Permits:1,PT1M", "触发小时级流控Permits:5,PT1H", "触发天级流控Permits:50,PT24H", "流控,PT1H" })
	void frequencyLimitIsThrottledForTheWindowItNames(String message, Duration backoff) {
		assertThat(SmsErrors.business("send", "isv.BUSINESS_LIMIT_CONTROL", message, "REQ-1")).isInstanceOfSatisfying(
				ThrottledConnectorException.class, (ex) -> assertThat(ex.backoff()).isEqualTo(backoff));
	}

	@Test
	void messageCarriesCodeAndRequestIdButNotTheAnswersText() {
		assertThat(SmsErrors.business("send", "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号 13800138000", "REQ-1"))
			.hasMessage("Aliyun SMS send failed with isv.MOBILE_NUMBER_ILLEGAL (HTTP 200, request REQ-1).");
	}

	@ParameterizedTest
	@CsvSource({ "400,SignatureDoesNotMatch,permanent", "404,InvalidAccessKeyId.NotFound,permanent",
			"400,MissingPhoneNumbers,permanent", "400,Throttling.User,throttled", "500,InternalError,transient",
			"503,ServiceUnavailable,transient" })
	void classifiesHttpErrors(int status, String code, String kind) {
		ConnectorException ex = SmsErrors.http("send", status, code, "REQ-1");

		switch (kind) {
			case "permanent" -> assertThat(ex).isExactlyInstanceOf(PermanentConnectorException.class);
			case "throttled" -> assertThat(ex).isInstanceOfSatisfying(ThrottledConnectorException.class,
					(throttled) -> assertThat(throttled.backoff()).isEqualTo(Duration.ofSeconds(1)));
			default -> assertThat(ex).isExactlyInstanceOf(TransientConnectorException.class);
		}
		assertThat(ex.code()).isEqualTo(code);
	}

}
