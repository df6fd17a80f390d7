package io.jingling.connectors.wechat.sim;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

// One simulated HTTP answer. WeCom answers HTTP 200 and tells success or failure by errcode;
// only media downloads answer with the media itself.
record Answer(String contentType, byte[] body, Map<String, String> headers) {

	// WeCom documents many limits but not the errcode each refusal carries. Unverified:
	// where
	// no specific code is known (too many targets or attachments, a missing sender, an
	// unknown
	// msgid, a fourth reminder within 24 h, cancelling a sent task, a bad 微信客服 scene,
	// limit
	// or cursor) the simulator answers WeCom's generic "invalid parameter" code.
	static final int INVALID_PARAMETER = 40058;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String JSON_TYPE = "application/json; charset=UTF-8";

	// A success body to add fields to: {"errcode":0,"errmsg":"ok"}.
	static ObjectNode ok() {
		return JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
	}

	static Answer json(ObjectNode body) {
		return new Answer(JSON_TYPE, body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
	}

	static Answer error(int errcode, String errmsg) {
		return json(JSON.createObjectNode().put("errcode", errcode).put("errmsg", errmsg));
	}

	static Answer invalid(String detail) {
		return error(INVALID_PARAMETER, "invalid parameter: " + detail);
	}

	static Answer media(String contentType, byte[] content, String fileName) {
		return new Answer(contentType, content,
				Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""));
	}

	static ObjectMapper mapper() {
		return JSON;
	}

}
