package io.jingling.connectors.dingtalk.sim;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

	// An old-API (oapi) success: HTTP 200, errcode 0, the call's fields and a request_id.
	static Answer oapi(ObjectNode fields) {
		ObjectNode body = JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
		body.setAll(fields);
		body.put("request_id", requestId());
		return new Answer(200, body.toString());
	}

	// An old-API failure: still HTTP 200, the outcome in errcode.
	static Answer oapiError(int errcode, String errmsg) {
		return new Answer(200,
				JSON.createObjectNode()
					.put("errcode", errcode)
					.put("errmsg", errmsg)
					.put("request_id", requestId())
					.toString());
	}

	// The old API's authentication failure: errcode 88 with the reason in sub_code.
	static Answer oapiAuth(String subCode, String subMsg) {
		return new Answer(200,
				JSON.createObjectNode()
					.put("errcode", 88)
					.put("sub_code", subCode)
					.put("sub_msg", subMsg)
					.put("errmsg", "ding talk error[subcode=" + subCode + ",submsg=" + subMsg + "]")
					.put("request_id", requestId())
					.toString());
	}

	private static String requestId() {
		return "req-sim-" + UUID.randomUUID();
	}

	static ObjectMapper json() {
		return JSON;
	}

}
