package io.jingling.connectors.sms.sim;

import java.io.IOException;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

// One simulated HTTP answer: status and JSON body, shaped as dysmsapi answers.
record Answer(int status, String body) {

	private static final ObjectMapper JSON = new ObjectMapper();

	static final String OK = "OK";

	// A business answer: HTTP 200 with Code OK and the action's fields.
	static Answer ok(ObjectNode fields) {
		ObjectNode body = JSON.createObjectNode().put("Code", OK).put("Message", OK).put("RequestId", requestId());
		body.setAll(fields);
		return new Answer(200, body.toString());
	}

	// A business refusal: HTTP 200, the SDK does not throw, the caller reads Code.
	static Answer business(String code, String message) {
		return new Answer(200,
				JSON.createObjectNode()
					.put("Code", code)
					.put("Message", message)
					.put("RequestId", requestId())
					.toString());
	}

	// A gateway error: HTTP 4xx/5xx, which the SDK turns into a TeaException.
	static Answer error(int status, String code, String message) {
		return new Answer(status,
				JSON.createObjectNode()
					.put("Code", code)
					.put("Message", message)
					.put("RequestId", requestId())
					.put("HostId", "dysmsapi.aliyuncs.com")
					.toString());
	}

	// The Code of an answer body, or null when it has none.
	static String code(String body) {
		try {
			JsonNode code = JSON.readTree(body).get("Code");
			return (code != null) ? code.asText() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	static ObjectMapper json() {
		return JSON;
	}

	private static String requestId() {
		return UUID.randomUUID().toString().toUpperCase();
	}

}
