package io.jingling.connectors.dingtalk.sim;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jingling.connectors.dingtalk.sim.MessageLedger.Snapshot;

// Work notifications (工作通知) on the old API, as DingTalk serves them: HTTP 200 always, errcode in
// the body, JSON or form bodies (the old SDK sends forms). DingTalk accepts a notice even for users
// it will not deliver to: the same content to the same user twice a day (143106) or more than 500
// notices to one user a day (143105) only shows in the send result's forbidden lists. "A day" is a
// calendar day in China.
final class SimulatedWorkNotices {

	// The errcode the simulator gives a malformed request (more than 100 userids, two
	// content types, no userid_list, an unknown task): 40035, which DingTalk answers for
	// missing and invalid parameters. The exact codes the real service gives these are
	// unverified.
	static final int INVALID_PARAMETER = 40035;

	// An agent_id that is not the token's app's, as a third-party SDK's users report it.
	static final int AGENT_MISMATCH = 41020;

	static final int MAX_USERS = 100;

	static final int DAILY_PER_USER = 500;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Set<String> CONTENT_TYPES = Set.of("text", "markdown", "link", "action_card", "oa", "image",
			"file", "voice");

	private final long agentId;

	private final MessageLedger ledger;

	private final Clock clock;

	private long nextTaskId = 400000000001L;

	// by task: userid -> forbidden code, in send order
	private final Map<Long, Map<String, String>> forbidden = new HashMap<>();

	private LocalDate today;

	private final Set<String> deliveredToday = new HashSet<>();

	private final Map<String, Integer> countToday = new HashMap<>();

	SimulatedWorkNotices(long agentId, MessageLedger ledger, Clock clock) {
		this.agentId = agentId;
		this.ledger = ledger;
		this.clock = clock;
	}

	synchronized Answer send(JsonNode request) {
		Optional<Answer> refusal = refuseAgent(request);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		Set<String> userIds = new LinkedHashSet<>();
		for (String userId : request.path("userid_list").asText("").split(",")) {
			if (!userId.isBlank()) {
				userIds.add(userId.trim());
			}
		}
		if (userIds.isEmpty() || userIds.size() > MAX_USERS) {
			return Answer.oapiError(INVALID_PARAMETER, "userid_list 须有 1 到 " + MAX_USERS + " 个 userid");
		}
		JsonNode msg = request.path("msg");
		if (!validMessage(msg)) {
			return Answer.oapiError(INVALID_PARAMETER, "msg 须有且只有一种与 msgtype 一致的消息内容");
		}
		rollDay();
		String content = msg.toString();
		List<String> delivered = new ArrayList<>();
		Map<String, String> refused = new LinkedHashMap<>();
		for (String userId : userIds) {
			if (this.deliveredToday.contains(userId + "\n" + content)) {
				refused.put(userId, "143106");
			}
			else if (this.countToday.getOrDefault(userId, 0) >= DAILY_PER_USER) {
				refused.put(userId, "143105");
			}
			else {
				this.deliveredToday.add(userId + "\n" + content);
				this.countToday.merge(userId, 1, Integer::sum);
				delivered.add(userId);
			}
		}
		long taskId = this.nextTaskId++;
		this.ledger.track(String.valueOf(taskId), MessageLedger.Kind.WORK_NOTICE, null, delivered);
		this.forbidden.put(taskId, refused);
		return Answer.oapi(Answer.json().createObjectNode().put("task_id", taskId));
	}

	synchronized Answer result(JsonNode request) {
		Optional<Answer> refusal = refuseAgent(request);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		long taskId = request.path("task_id").asLong(0);
		Optional<Snapshot> notice = this.ledger.find(String.valueOf(taskId));
		if (notice.isEmpty()) {
			return Answer.oapiError(INVALID_PARAMETER, "task_id 不存在");
		}
		Map<String, String> refused = this.forbidden.getOrDefault(taskId, Map.of());
		ObjectNode result = Answer.json().createObjectNode();
		ObjectNode sendResult = result.putObject("send_result");
		notice.get().reads().keySet().forEach(sendResult.putArray("read_user_id_list")::add);
		notice.get().unread().forEach(sendResult.putArray("unread_user_id_list")::add);
		sendResult.putArray("invalid_user_id_list");
		refused.keySet().forEach(sendResult.putArray("forbidden_user_id_list")::add);
		sendResult.putArray("failed_user_id_list");
		sendResult.putArray("invalid_dept_id_list");
		ArrayNode forbiddenList = sendResult.putArray("forbidden_list");
		refused.forEach((userId, code) -> forbiddenList.addObject()
			.put("code", code)
			.put("count", code.equals("143105") ? DAILY_PER_USER : 1)
			.put("userid", userId));
		return Answer.oapi(result);
	}

	synchronized Answer recall(JsonNode request) {
		Optional<Answer> refusal = refuseAgent(request);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		String taskId = String.valueOf(request.path("msg_task_id").asLong(0));
		if (this.ledger.find(taskId).isEmpty()) {
			return Answer.oapiError(INVALID_PARAMETER, "msg_task_id 不存在");
		}
		this.ledger.recall(taskId);
		return Answer.oapi(Answer.json().createObjectNode());
	}

	synchronized void reset() {
		this.forbidden.clear();
		this.deliveredToday.clear();
		this.countToday.clear();
		this.today = null;
	}

	private Optional<Answer> refuseAgent(JsonNode request) {
		JsonNode agent = request.path("agent_id");
		if (!agent.canConvertToLong() && !agent.asText("").matches("\\d+")) {
			return Optional.of(Answer.oapiError(INVALID_PARAMETER, "agent_id 不能为空"));
		}
		if (agent.asLong() != this.agentId) {
			return Optional.of(Answer.oapiError(AGENT_MISMATCH, "accessToken中包含的appKey与agentId不一致"));
		}
		return Optional.empty();
	}

	// One content type, and the one msgtype names.
	private static boolean validMessage(JsonNode msg) {
		String type = msg.path("msgtype").asText("");
		long contents = CONTENT_TYPES.stream().filter(msg::has).count();
		return CONTENT_TYPES.contains(type) && contents == 1 && msg.path(type).isObject();
	}

	private void rollDay() {
		LocalDate now = LocalDate.ofInstant(this.clock.instant(), CHINA);
		if (!now.equals(this.today)) {
			this.today = now;
			this.deliveredToday.clear();
			this.countToday.clear();
		}
	}

}
