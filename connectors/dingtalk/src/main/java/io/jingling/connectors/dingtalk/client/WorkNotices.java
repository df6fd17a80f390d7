package io.jingling.connectors.dingtalk.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.TransientConnectorException;

// Work notifications (工作通知) on the old API: no v1.0 call lists who read one. The old SDK is not
// on the classpath, so these are plain JSON posts with the app's v1.0 access token in the query,
// which the old API accepts. Errors come back as HTTP 200 with an errcode.
final class WorkNotices {

	private static final Logger log = LoggerFactory.getLogger(WorkNotices.class);

	static final String SEND = "/topapi/message/corpconversation/asyncsend_v2";

	static final String RESULT = "/topapi/message/corpconversation/getsendresult";

	static final String RECALL = "/topapi/message/corpconversation/recall";

	// errcode 88 means "see sub_code"; these sub_codes say the token was refused: 40000
	// blank, 40014 invalid, 40001 and 42001 the older invalid and expired.
	private static final Set<String> TOKEN_SUB_CODES = Set.of("40000", "40014", "40001", "42001");

	// Older answers put the same codes in errcode itself.
	private static final Set<String> TOKEN_ERRCODES = Set.of("40014", "40001", "42001");

	private final DingTalkSettings settings;

	private final AccessTokenCache tokens;

	private final OapiHttp http;

	private final ObjectMapper json;

	WorkNotices(DingTalkSettings settings, AccessTokenCache tokens, OapiHttp http, ObjectMapper json) {
		this.settings = settings;
		this.tokens = tokens;
		this.http = http;
		this.json = json;
	}

	WorkNoticeSent send(WorkNotice notice) {
		ObjectNode body = body("work notice send");
		body.put("userid_list", String.join(",", notice.userIds()));
		ObjectNode msg = body.putObject("msg").put("msgtype", "markdown");
		msg.putObject("markdown").put("title", notice.content().title()).put("text", notice.content().markdown());
		JsonNode answer = call("work notice send", SEND, body);
		JsonNode taskId = answer.get("task_id");
		if (taskId == null || !taskId.canConvertToLong()) {
			throw new TransientConnectorException(DingTalkErrors.PLATFORM, "no-task-id",
					"DingTalk work notice send answered without a task_id.");
		}
		log.debug("dingtalk.send ok operation=work-notice recipients={} taskId={}", notice.userIds().size(),
				taskId.asLong());
		return new WorkNoticeSent(taskId.asLong());
	}

	WorkNoticeResult result(long taskId) {
		ObjectNode body = body("work notice result").put("task_id", taskId);
		JsonNode result = call("work notice result", RESULT, body).path("send_result");
		Map<String, String> forbiddenCodes = new HashMap<>();
		result.path("forbidden_list")
			.forEach((entry) -> forbiddenCodes.put(entry.path("userid").asText(), entry.path("code").asText()));
		return new WorkNoticeResult(userIds(result, "read_user_id_list"), userIds(result, "unread_user_id_list"),
				userIds(result, "invalid_user_id_list"), userIds(result, "forbidden_user_id_list"),
				userIds(result, "failed_user_id_list"), forbiddenCodes);
	}

	void recall(long taskId) {
		call("work notice recall", RECALL, body("work notice recall").put("msg_task_id", taskId));
		log.debug("dingtalk.recall ok operation=work-notice taskId={}", taskId);
	}

	// Every call names the app's agent; without one it fails before asking for a token.
	private ObjectNode body(String operation) {
		if (this.settings.agentId() == null) {
			throw DingTalkErrors.agentMissing(operation);
		}
		return this.json.createObjectNode().put("agent_id", this.settings.agentId());
	}

	private JsonNode call(String operation, String path, ObjectNode body) {
		String text = body.toString();
		return this.tokens.withToken(operation,
				(token) -> check(operation, this.http.post(operation, target(path, token), text)));
	}

	private URI target(String path, String token) {
		URI oapi = this.settings.oapiUrl();
		return URI.create(oapi.getScheme() + "://" + oapi.getRawAuthority() + path + "?access_token="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8));
	}

	private static JsonNode check(String operation, OapiHttp.Answer answer) {
		String errcode = answer.errcode();
		if (answer.status() / 100 == 2 && "0".equals(errcode)) {
			return answer.body();
		}
		if (errcode == null) {
			log.warn("dingtalk.call failed operation={} status={} code=none", operation, answer.status());
			if (answer.status() / 100 == 2) {
				// an IP block page or a proxy answers 200 without errcode
				throw new TransientConnectorException(DingTalkErrors.PLATFORM, "no-errcode",
						"DingTalk " + operation + " got an answer without errcode (HTTP " + answer.status() + ").");
			}
			throw DingTalkErrors.exception(operation, answer.status(), String.valueOf(answer.status()), null);
		}
		String subCode = answer.text("sub_code");
		String requestId = answer.text("request_id");
		log.warn("dingtalk.call failed operation={} status={} code={} subCode={} requestId={}", operation,
				answer.status(), errcode, subCode, requestId);
		if (("88".equals(errcode) && subCode != null && TOKEN_SUB_CODES.contains(subCode))
				|| TOKEN_ERRCODES.contains(errcode)) {
			String code = (subCode != null) ? subCode : errcode;
			throw new TokenRejectedException(code, "DingTalk " + operation + " failed with " + errcode
					+ ((subCode != null) ? "/" + subCode : "") + ": the access token was rejected.");
		}
		throw DingTalkErrors.exception(operation, answer.status(), errcode, subCode, requestId);
	}

	private static Set<String> userIds(JsonNode result, String field) {
		Set<String> userIds = new LinkedHashSet<>();
		result.path(field).forEach((userId) -> userIds.add(userId.asText()));
		return userIds;
	}

}
