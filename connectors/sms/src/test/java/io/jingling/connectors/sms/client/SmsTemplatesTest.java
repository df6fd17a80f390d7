package io.jingling.connectors.sms.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.jingling.connectors.PermanentConnectorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsTemplatesTest {

	private static final SmsTemplates TEMPLATES = SmsTemplates
		.of(List.of(new SmsTemplate("SMS_460000001", List.of("code")),
				new SmsTemplate("SMS_460000002", List.of("code", "place")), new SmsTemplate("SMS_460000003", null)));

	@Test
	void acceptsExactlyTheTemplatesVariables() {
		assertThatNoException().isThrownBy(() -> TEMPLATES.check("SMS_460000002",
				Map.of("code", "XC-20261130-007", "place", "12345678901234567890123456789012345")));
		assertThatNoException().isThrownBy(() -> TEMPLATES.check("SMS_460000003", Map.of()));
	}

	@Test
	void findsTemplatesByCode() {
		assertThat(TEMPLATES.find("SMS_460000002")).get()
			.extracting(SmsTemplate::parameters)
			.isEqualTo(List.of("code", "place"));
		assertThat(TEMPLATES.find("SMS_000")).isEmpty();
		assertThat(TEMPLATES.find(null)).isEmpty();
	}

	@Test
	void refusesAnUnknownTemplate() {
		assertThatThrownBy(() -> TEMPLATES.check("SMS_999", Map.of("code", "x")))
			.isInstanceOfSatisfying(PermanentConnectorException.class, (ex) -> {
				assertThat(ex.platform()).isEqualTo("aliyun-sms");
				assertThat(ex.code()).isEqualTo("template.unknown");
			})
			.hasMessage("SMS template SMS_999 is not configured.");
	}

	@Test
	void refusesAMissingVariable() {
		assertParametersRefused("SMS_460000002", Map.of("code", "XC-1"), "missing [place]");
	}

	@Test
	void refusesAnExtraVariable() {
		assertParametersRefused("SMS_460000001", Map.of("code", "XC-1", "name", "张三"), "extra [name]");
	}

	@Test
	void refusesABlankValue() {
		assertParametersRefused("SMS_460000001", Map.of("code", " "), "characters [code]");
	}

	@Test
	void refusesAValueLongerThanThirtyFiveCharacters() {
		assertParametersRefused("SMS_460000001", Map.of("code", "x".repeat(36)), "characters [code]");
	}

	@Test
	void neverQuotesAValue() {
		assertThatThrownBy(
				() -> TEMPLATES.check("SMS_460000001", Map.of("code", "张三 13800138000 东门旅馆 303 房间今晚有可疑人员多次出入，请尽快核查")))
			.hasMessageNotContaining("张三")
			.hasMessageNotContaining("13800138000");
	}

	@Test
	void refusesATemplateConfiguredTwice() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SmsTemplates
				.of(List.of(new SmsTemplate("SMS_1", List.of("a")), new SmsTemplate("SMS_1", List.of("b")))))
			.withMessage("SMS template SMS_1 is configured twice");
	}

	@Test
	void refusesARepeatedVariableName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SmsTemplate("SMS_1", List.of("a", "a")));
	}

	private static void assertParametersRefused(String template, Map<String, String> params, String detail) {
		assertThatThrownBy(() -> TEMPLATES.check(template, params))
			.isInstanceOfSatisfying(PermanentConnectorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("template.parameters"))
			.hasMessageContaining(detail);
	}

}
