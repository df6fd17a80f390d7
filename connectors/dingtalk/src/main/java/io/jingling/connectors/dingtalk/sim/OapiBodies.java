package io.jingling.connectors.dingtalk.sim;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

// Reads an old-API (oapi) request body the way DingTalk does: JSON, or a form, which is what the old
// SDK sends by default. In a form every value is a string and msg is a JSON document inside one;
// either way the result is one tree with msg parsed.
final class OapiBodies {

	private OapiBodies() {
	}

	static JsonNode parse(String contentType, String body) {
		ObjectNode request = Answer.json().createObjectNode();
		try {
			if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
				for (String pair : body.split("&")) {
					int equals = pair.indexOf('=');
					if (equals > 0) {
						request.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
								URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
					}
				}
			}
			else if (Answer.json().readTree(body) instanceof ObjectNode json) {
				request = json;
			}
			if (request.path("msg").isTextual()) {
				request.set("msg", Answer.json().readTree(request.path("msg").asText()));
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			// what cannot be read is missing: the checks that follow refuse it like
			// DingTalk
		}
		return request;
	}

	// Epoch milliseconds, as a number or, in a form, as digits.
	static boolean isMillis(JsonNode value) {
		return value.canConvertToLong() || value.asText("").matches("\\d+");
	}

}
