package io.jingling.connectors.dingtalk.sim;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

// The app robot's send calls, validated like the real service: the robot must belong to the app,
// msgKey must be a known template and msgParam a JSON string carrying its keys. Each send goes into
// the ledger: a group message reaches the group's members at send time, a one-to-one message its
// userIds.
final class SimulatedRobot {

	// The real per-group rate of the group-message API is unverified: DingTalk documents
	// none. This uses
	// the webhook robot's 20 messages per minute, the safe assumption the hub plans for.
	static final int GROUP_MESSAGES_PER_MINUTE = 20;

	static final int MAX_USERS = 20;

	// Message templates and the msgParam keys each one needs.
	private static final Map<String, List<String>> TEMPLATES = Map.ofEntries(
			Map.entry("sampleText", List.of("content")), Map.entry("sampleMarkdown", List.of("title", "text")),
			Map.entry("sampleImageMsg", List.of("photoURL")),
			Map.entry("sampleLink", List.of("text", "title", "picUrl", "messageUrl")),
			Map.entry("sampleActionCard", List.of("title", "text", "singleTitle", "singleURL")),
			Map.entry("sampleActionCard2", List.of("title", "text")),
			Map.entry("sampleActionCard3", List.of("title", "text")),
			Map.entry("sampleActionCard4", List.of("title", "text")),
			Map.entry("sampleActionCard5", List.of("title", "text")),
			Map.entry("sampleActionCard6", List.of("title", "text")),
			Map.entry("sampleAudio", List.of("mediaId", "duration")),
			Map.entry("sampleFile", List.of("mediaId", "fileName", "fileType")),
			Map.entry("sampleVideo", List.of("duration", "videoMediaId", "videoType")));

	private final String robotCode;

	private final Clock clock;

	private final SimulatedGroups groups;

	private final MessageLedger ledger;

	private final Map<String, Deque<Instant>> groupSends = new HashMap<>();

	SimulatedRobot(String robotCode, Clock clock, SimulatedGroups groups, MessageLedger ledger) {
		this.robotCode = robotCode;
		this.clock = clock;
		this.groups = groups;
		this.ledger = ledger;
	}

	synchronized Answer sendToGroup(JsonNode request) {
		Optional<Answer> refusal = refuseMessage(request);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		String group = request.path("openConversationId").asText("");
		if (!group.startsWith("cid")) {
			return Answer.error(400, "invalid.openConversationId", "openConversationId is invalid");
		}
		Instant now = this.clock.instant();
		Deque<Instant> sends = this.groupSends.computeIfAbsent(group, (key) -> new ArrayDeque<>());
		while (!sends.isEmpty() && !sends.peekFirst().isAfter(now.minus(Duration.ofMinutes(1)))) {
			sends.removeFirst();
		}
		if (sends.size() >= GROUP_MESSAGES_PER_MINUTE) {
			return Answer.error(403, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", "qps limited");
		}
		sends.addLast(now);
		String key = processQueryKey();
		this.ledger.track(key, MessageLedger.Kind.GROUP, group, this.groups.members(group));
		return Answer.ok(Answer.json().createObjectNode().put("processQueryKey", key));
	}

	synchronized Answer sendToUsers(JsonNode request) {
		Optional<Answer> refusal = refuseMessage(request);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		if (request.path("userIds").size() > MAX_USERS) {
			return Answer.error(400, "invalidParameter.userIds.overMax", "userIds exceeds " + MAX_USERS);
		}
		List<String> userIds = new ArrayList<>();
		request.path("userIds").forEach((userId) -> userIds.add(userId.asText()));
		String key = processQueryKey();
		this.ledger.track(key, MessageLedger.Kind.USERS, null, userIds);
		ObjectNode answer = Answer.json().createObjectNode().put("processQueryKey", key);
		answer.putArray("invalidStaffIdList");
		answer.putArray("flowControlledStaffIdList");
		return Answer.ok(answer);
	}

	synchronized void reset() {
		this.groupSends.clear();
	}

	private Optional<Answer> refuseMessage(JsonNode request) {
		if (!this.robotCode.equals(request.path("robotCode").asText(null))) {
			return Optional.of(Answer.error(400, "invalidParameter.robotCode.auth", "robotCode is not of this app"));
		}
		List<String> keys = TEMPLATES.get(request.path("msgKey").asText(""));
		if (keys == null) {
			return Optional.of(Answer.error(400, "invalidParameter.msgKey.invalid", "msgKey is invalid"));
		}
		JsonNode param = parseParam(request.path("msgParam"));
		if (param == null || !param.isObject() || !keys.stream().allMatch(param::hasNonNull)) {
			return Optional.of(Answer.error(400, "invalidParameter.msgParam.invalid", "msgParam is invalid"));
		}
		return Optional.empty();
	}

	// msgParam is a JSON document inside a string, not a nested object.
	private static JsonNode parseParam(JsonNode msgParam) {
		if (!msgParam.isTextual()) {
			return null;
		}
		try {
			return Answer.json().readTree(msgParam.asText());
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String processQueryKey() {
		return "pqk-sim-" + UUID.randomUUID();
	}

}
