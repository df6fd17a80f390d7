package io.jingling.connectors.sms.sim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

// ACS3-HMAC-SHA256 as Alibaba Cloud's gateway computes it for the V3 request signature:
// canonical request -> SHA-256 -> "ACS3-HMAC-SHA256\n<hex>" -> HMAC-SHA256 with the AccessKey
// secret. The query is canonicalised from decoded values, never from the raw text: the SDK
// encodes with java.net.URLEncoder (space as +, * left as is), the signature uses RFC 3986.
final class Acs3Signature {

	static final String ALGORITHM = "ACS3-HMAC-SHA256";

	private static final HexFormat HEX = HexFormat.of();

	private Acs3Signature() {
	}

	// Decoded parameters, sorted by encoded name, joined as name=value with &.
	static String canonicalQuery(Map<String, String> decoded) {
		SortedMap<String, String> encoded = new TreeMap<>();
		decoded.forEach((name, value) -> encoded.put(percentEncode(name), percentEncode(value)));
		return encoded.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining("&"));
	}

	// RFC 3986: space as %20, * as %2A, ~ kept.
	static String percentEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8)
			.replace("+", "%20")
			.replace("*", "%2A")
			.replace("%7E", "~");
	}

	// signedHeaders: lowercase name to value, for exactly the names listed in
	// SignedHeaders.
	// The canonical-headers block ends with its own newline, so an empty line follows it.
	static String canonicalRequest(String method, String path, String canonicalQuery,
			SortedMap<String, String> signedHeaders, String payloadHash) {
		StringBuilder request = new StringBuilder().append(method)
			.append('\n')
			.append(path)
			.append('\n')
			.append(canonicalQuery)
			.append('\n');
		signedHeaders.forEach((name, value) -> request.append(name).append(':').append(value.strip()).append('\n'));
		return request.append('\n')
			.append(String.join(";", signedHeaders.keySet()))
			.append('\n')
			.append(payloadHash)
			.toString();
	}

	static String stringToSign(String canonicalRequest) {
		return ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
	}

	static String signature(String accessKeySecret, String canonicalRequest) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(accessKeySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HEX.formatHex(mac.doFinal(stringToSign(canonicalRequest).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	static String sha256Hex(byte[] bytes) {
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
