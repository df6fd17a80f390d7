package io.jingling.connectors.sms.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

// Decodes what a request carries as parameters: the query of every call, and the form body
// SendBatchSms puts its JSON arrays in. Decoding is application/x-www-form-urlencoded, the SDK's
// own encoding (space as +).
final class Params {

	private static final String FORM = "application/x-www-form-urlencoded";

	private Params() {
	}

	static String path(String url) {
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) : url;
	}

	static Map<String, String> query(LoggedRequest request) {
		String url = request.getUrl();
		int query = url.indexOf('?');
		return (query >= 0) ? decode(url.substring(query + 1)) : Map.of();
	}

	static Map<String, String> form(LoggedRequest request) {
		String contentType = request.getHeader("Content-Type");
		if (contentType == null || !contentType.toLowerCase().startsWith(FORM)) {
			return Map.of();
		}
		return decode(new String(request.getBody(), StandardCharsets.UTF_8));
	}

	// Undecodable text (a stray %) is kept as it came, so the signature check fails on
	// it.
	static Map<String, String> decode(String encoded) {
		Map<String, String> params = new LinkedHashMap<>();
		if (encoded.isEmpty()) {
			return params;
		}
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			params.put(decodeOne(name), decodeOne(value));
		}
		return Collections.unmodifiableMap(params);
	}

	private static String decodeOne(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
