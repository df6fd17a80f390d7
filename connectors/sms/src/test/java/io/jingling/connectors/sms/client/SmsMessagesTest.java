package io.jingling.connectors.sms.client;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SmsMessagesTest {

	private static final Map<String, String> CODE = Map.of("code", "XC-20261130-007");

	@Test
	void keepsNumbersNormalised() {
		SmsMessage message = new SmsMessage(List.of("+8613800138000", "008613900139000"), "SMS_460000001", CODE,
				"ob-000123");

		assertThat(message.phoneNumbers()).containsExactly("13800138000", "13900139000");
	}

	@Test
	void takesAThousandNumbersButNotOneMore() {
		assertThat(new SmsMessage(numbers(1000), "SMS_460000001", CODE, "ob-1").phoneNumbers()).hasSize(1000);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SmsMessage(numbers(1001), "SMS_460000001", CODE, "ob-1"))
			.withMessage("SendSms takes 1 to 1000 phone numbers, got 1001");
		assertThatIllegalArgumentException().isThrownBy(() -> new SmsMessage(List.of(), "SMS_460000001", CODE, "ob-1"));
	}

	@Test
	void namesABadNumberOnlyMasked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SmsMessage(List.of("13800138000", "23900139000"), "SMS_460000001", CODE, "ob-1"))
			.withMessageContaining("239****9000")
			.withMessageNotContaining("23900139000");
	}

	@Test
	void needsAnOutIdOfAtMost255Characters() {
		assertThat(new SmsMessage(numbers(1), "SMS_1", CODE, "x".repeat(255)).outId()).hasSize(255);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SmsMessage(numbers(1), "SMS_1", CODE, "x".repeat(256)));
		assertThatIllegalArgumentException().isThrownBy(() -> new SmsMessage(numbers(1), "SMS_1", CODE, " "));
		assertThatIllegalArgumentException().isThrownBy(() -> new SmsMessage(numbers(1), "SMS_1", CODE, null));
	}

	@Test
	void copiesTheParametersInTheirOrder() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("place", "东门");
		params.put("code", "XC-7");
		SmsMessage message = new SmsMessage(numbers(1), "SMS_1", params, "ob-1");
		params.put("extra", "later");

		assertThat(message.params()).containsExactly(Map.entry("place", "东门"), Map.entry("code", "XC-7"));
	}

	@Test
	void refusesANullParameterValue() {
		Map<String, String> params = new HashMap<>();
		params.put("code", null);

		assertThatIllegalArgumentException().isThrownBy(() -> new SmsMessage(numbers(1), "SMS_1", params, "ob-1"));
	}

	@Test
	void showsNeitherNumbersNorVariables() {
		SmsMessage message = new SmsMessage(List.of("13800138000"), "SMS_460000001", Map.of("code", "东门旅馆303"), "ob-1");

		assertThat(message).asString()
			.contains("138****8000", "[code]")
			.doesNotContain("13800138000")
			.doesNotContain("东门旅馆303");
	}

	@Test
	void batchTakesAHundredNumbersWithOneMapEach() {
		assertThat(new SmsBatchMessage(numbers(100), "SMS_1", maps(100), "ob-1").params()).hasSize(100);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SmsBatchMessage(numbers(101), "SMS_1", maps(101), "ob-1"))
			.withMessage("SendBatchSms takes 1 to 100 phone numbers, got 101");
		assertThatIllegalArgumentException().isThrownBy(() -> new SmsBatchMessage(numbers(2), "SMS_1", maps(1), "ob-1"))
			.withMessage("SendBatchSms needs one parameter map per phone number: 2 numbers, 1 maps");
	}

	@Test
	void batchShowsNeitherNumbersNorVariables() {
		SmsBatchMessage message = new SmsBatchMessage(List.of("13800138000"), "SMS_1", List.of(Map.of("code", "东门")),
				"ob-1");

		assertThat(message).asString().contains("138****8000").doesNotContain("13800138000").doesNotContain("东门");
	}

	@Test
	void detailShowsTheNumberMasked() {
		assertThat(new SmsDetail("13800138000", 3, "DELIVERED", "ob-1", "2026-11-30 11:00:01", "2026-11-30 11:00:06"))
			.asString()
			.contains("138****8000")
			.doesNotContain("13800138000");
	}

	static List<String> numbers(int count) {
		return IntStream.range(0, count).mapToObj((i) -> String.valueOf(13800000000L + i)).toList();
	}

	private static List<Map<String, String>> maps(int count) {
		return IntStream.range(0, count).mapToObj((i) -> Map.of("code", "XC-" + i)).toList();
	}

}
