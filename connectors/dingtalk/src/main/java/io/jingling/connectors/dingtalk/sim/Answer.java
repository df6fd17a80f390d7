package io.jingling.connectors.dingtalk.sim;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

// One simulated HTTP answer: status and JSON body.
record Answer(int status, String body) {

	private static final ObjectMapper JSON = new ObjectMapper();

	static Answer ok(JsonNode body) {
		return new Answer(200, body.toString());
	}

	// A v1.0 API error: HTTP error status and {"code","message","requestid"}.
	static Answer error(int status, String code, String message) {
		return new Answer(status,
				JSON.createObjectNode()
					.put("code", code)
					.put("message", message)
					.put("requestid", "REQ-SIM-" + UUID.randomUUID())
					.toString());
	}

	// A webhook answer: always HTTP 200, success or failure told by errcode.
	static Answer webhook(int errcode, String errmsg) {
		return new Answer(200, JSON.createObjectNode().put("errcode", errcode).put("errmsg", errmsg).toString());
	}

	static ObjectMapper json() {
		return JSON;
	}

}
