package io.jingling.connectors.sms.push;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SmsPushesTest {

	private static final String REPORT = """
			[{"phone_number":"13800138000","send_time":"2026-11-30 11:00:01","report_time":"2026-11-30 11:00:06","success":true,"err_code":"DELIVERED","err_msg":"用户接收成功","sms_size":"1","biz_id":"900619746936498440^0","out_id":"ob-000123"},
			 {"phone_number":"13900139000","send_time":"2026-11-30 11:00:01","report_time":"2026-11-30 11:00:09","success":false,"err_code":"MK:0001","err_msg":"MK:0001","sms_size":"1","biz_id":"900619746936498440^0","out_id":"ob-000125"}]
			""";

	@Test
	void readsEveryReceiptOfAReport() {
		assertThat(SmsPushes.receipts(REPORT)).containsExactly(
				new SmsReceipt("13800138000", "2026-11-30 11:00:01", "2026-11-30 11:00:06", true, "DELIVERED", "用户接收成功",
						"1", "900619746936498440^0", "ob-000123"),
				new SmsReceipt("13900139000", "2026-11-30 11:00:01", "2026-11-30 11:00:09", false, "MK:0001", "MK:0001",
						"1", "900619746936498440^0", "ob-000125"));
	}

	@Test
	void readsRepliesWithAStringOrNumericSequenceId() {
		String json = """
				[{"phone_number":"13800138000","content":"XC-007 东门旅馆303有可疑人员","send_time":"2026-11-30 11:20:33","dest_code":"1234","sequence_id":"1234567890"},
				 {"phone_number":"13900139000","content":"收到","send_time":"2026-11-30 11:21:00","dest_code":"1234","sequence_id":1234567891,"sign_name":"某县公安局"}]
				""";

		assertThat(SmsPushes.replies(json)).containsExactly(
				new SmsUpMessage("13800138000", "XC-007 东门旅馆303有可疑人员", "2026-11-30 11:20:33", "1234", "1234567890"),
				new SmsUpMessage("13900139000", "收到", "2026-11-30 11:21:00", "1234", "1234567891"));
	}

	@Test
	void readsAnEmptyArray() {
		assertThat(SmsPushes.receipts("[]")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "[{\"phone_number\":", "{\"phone_number\":\"13800138000\"}", "[1]", "", "null" })
	void refusesWhatIsNotAJsonArrayOfObjectsWithoutQuotingIt(String json) {
		assertThatIllegalArgumentException().isThrownBy(() -> SmsPushes.receipts(json))
			.withMessageStartingWith("SmsReport push is not")
			.withMessageNotContaining("13800138000");
		assertThatIllegalArgumentException().isThrownBy(() -> SmsPushes.replies(json))
			.withMessageStartingWith("SmsUp push is not");
	}

	@Test
	void refusesNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> SmsPushes.receipts(null));
	}

	@Test
	void showsNeitherNumberNorContent() {
		SmsUpMessage reply = SmsPushes.replies(
				"[{\"phone_number\":\"13800138000\",\"content\":\"东门旅馆303\",\"send_time\":\"t\",\"dest_code\":\"1\",\"sequence_id\":1}]")
			.get(0);

		assertThat(reply).asString().contains("138****8000", "contentLength=7").doesNotContain("13800138000", "东门");
		assertThat(SmsPushes.receipts(REPORT).get(0)).asString().contains("138****8000").doesNotContain("13800138000");
	}

	@Test
	void acknowledgesWithCodeZero() {
		assertThat(SmsPushes.ACK).isEqualTo("{\"code\":0,\"msg\":\"接收成功\"}");
	}

}
