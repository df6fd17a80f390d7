package io.jingling.connectors.sms.sim;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Acs3SignatureTest {

	private static final String SECRET = "JinglingTestSecret0000000000000";

	private static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	@Test
	void canonicalisesTheGoldenQuery() {
		assertThat(Acs3Signature.canonicalQuery(goldenQuery())).isEqualTo("OutId=XC-20261130-007"
				+ "&PhoneNumbers=13800138000&SignName=%E6%9F%90%E5%8E%BF%E5%85%AC%E5%AE%89%E5%B1%80"
				+ "&TemplateCode=SMS_460000001&TemplateParam=%7B%22code%22%3A%22XC-20261130-007%22%7D");
	}

	@Test
	void signsTheGoldenVector() {
		String canonicalRequest = goldenCanonicalRequest();

		assertThat(Acs3Signature.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("b5fd0b4d3785ad7a463a48930d83ef3d3677849ff98bee876e17c442699de359");
		assertThat(Acs3Signature.stringToSign(canonicalRequest))
			.isEqualTo("ACS3-HMAC-SHA256\nb5fd0b4d3785ad7a463a48930d83ef3d3677849ff98bee876e17c442699de359");
		assertThat(Acs3Signature.signature(SECRET, canonicalRequest))
			.isEqualTo("b3dda002e5fee7ece878d877fe9fed301b4fdf47c468c00143e097ab136df4f2");
	}

	@Test
	void laysOutTheCanonicalRequestWithAnEmptyLineAfterTheHeaders() {
		assertThat(goldenCanonicalRequest()).startsWith("POST\n/\nOutId=")
			.contains("\nx-acs-version:2017-05-25\n\nhost;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;"
					+ "x-acs-date;x-acs-signature-nonce;x-acs-version\n")
			.endsWith("\n" + EMPTY_BODY_SHA256);
	}

	@Test
	void hashesTheEmptyBody() {
		assertThat(Acs3Signature.sha256Hex(new byte[0])).isEqualTo(EMPTY_BODY_SHA256);
	}

	@Test
	void encodesLikeRfc3986NotLikeAForm() {
		assertThat(Acs3Signature.percentEncode("a b*c~d+e")).isEqualTo("a%20b%2Ac~d%2Be");
	}

	@Test
	void signatureDependsOnTheSecret() {
		assertThat(Acs3Signature.signature(SECRET + "x", goldenCanonicalRequest()))
			.isNotEqualTo("b3dda002e5fee7ece878d877fe9fed301b4fdf47c468c00143e097ab136df4f2");
	}

	private static Map<String, String> goldenQuery() {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("PhoneNumbers", "13800138000");
		query.put("SignName", "某县公安局");
		query.put("TemplateCode", "SMS_460000001");
		query.put("TemplateParam", "{\"code\":\"XC-20261130-007\"}");
		query.put("OutId", "XC-20261130-007");
		return query;
	}

	private static String goldenCanonicalRequest() {
		TreeMap<String, String> headers = new TreeMap<>();
		headers.put("host", "127.0.0.1:8089");
		headers.put("x-acs-action", "SendSms");
		headers.put("x-acs-version", "2017-05-25");
		headers.put("x-acs-date", "2026-11-30T03:00:00Z");
		headers.put("x-acs-signature-nonce", "0123456789abcdef0123456789abcdef");
		headers.put("x-acs-credentials-provider", "static_ak");
		headers.put("x-acs-content-sha256", EMPTY_BODY_SHA256);
		return Acs3Signature.canonicalRequest("POST", "/", Acs3Signature.canonicalQuery(goldenQuery()), headers,
				EMPTY_BODY_SHA256);
	}

}
