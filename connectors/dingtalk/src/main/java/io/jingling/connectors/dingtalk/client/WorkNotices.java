package io.jingling.connectors.dingtalk.client;

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
// on the classpath, so these are plain JSON posts (OapiCalls) with the app's v1.0 access token.
final class WorkNotices {

	private static final Logger log = LoggerFactory.getLogger(WorkNotices.class);

	static final String SEND = "/topapi/message/corpconversation/asyncsend_v2";

	static final String RESULT = "/topapi/message/corpconversation/getsendresult";

	static final String RECALL = "/topapi/message/corpconversation/recall";

	private final DingTalkSettings settings;

	private final OapiCalls oapi;

	private final ObjectMapper json;

	WorkNotices(DingTalkSettings settings, OapiCalls oapi, ObjectMapper json) {
		this.settings = settings;
		this.oapi = oapi;
		this.json = json;
	}

	WorkNoticeSent send(WorkNotice notice) {
		ObjectNode body = body("work notice send");
		body.put("userid_list", String.join(",", notice.userIds()));
		ObjectNode msg = body.putObject("msg").put("msgtype", "markdown");
		msg.putObject("markdown").put("title", notice.content().title()).put("text", notice.content().markdown());
		JsonNode answer = this.oapi.call("work notice send", SEND, body);
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
		JsonNode result = this.oapi.call("work notice result", RESULT, body).path("send_result");
		Map<String, String> forbiddenCodes = new HashMap<>();
		result.path("forbidden_list")
			.forEach((entry) -> forbiddenCodes.put(entry.path("userid").asText(), entry.path("code").asText()));
		return new WorkNoticeResult(userIds(result, "read_user_id_list"), userIds(result, "unread_user_id_list"),
				userIds(result, "invalid_user_id_list"), userIds(result, "forbidden_user_id_list"),
				userIds(result, "failed_user_id_list"), forbiddenCodes);
	}

	void recall(long taskId) {
		this.oapi.call("work notice recall", RECALL, body("work notice recall").put("msg_task_id", taskId));
		log.debug("dingtalk.recall ok operation=work-notice taskId={}", taskId);
	}

	// Every call names the app's agent; without one it fails before asking for a token.
	private ObjectNode body(String operation) {
		if (this.settings.agentId() == null) {
			throw DingTalkErrors.agentMissing(operation);
		}
		return this.json.createObjectNode().put("agent_id", this.settings.agentId());
	}

	private static Set<String> userIds(JsonNode result, String field) {
		Set<String> userIds = new LinkedHashSet<>();
		result.path(field).forEach((userId) -> userIds.add(userId.asText()));
		return userIds;
	}

}
