package io.jingling.connectors.dingtalk.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jingling.connectors.dingtalk.sim.MessageLedger.Kind;
import io.jingling.connectors.dingtalk.sim.MessageLedger.Snapshot;

// Read status and recall of the app robot's messages, answered from the ledger and validated like
// the real service: the robot must be the app's, a group key must belong to the group named, pages
// are at most 200 readers, and a one-to-one key answers for 24 hours only.
final class SimulatedReads {

	static final int MAX_GROUP_PAGE = 200;

	// One-to-one read status and recall work within 24 hours of the send.
	static final Duration USER_KEY_LIFETIME = Duration.ofHours(24);

	// The reason a recall gives for a key it does not know. DingTalk's own reason strings
	// are not documented; this reuses the query's error code.
	static final String UNKNOWN_KEY = "invalid.processQueryKey";

	private final String robotCode;

	private final MessageLedger ledger;

	private final Clock clock;

	SimulatedReads(String robotCode, MessageLedger ledger, Clock clock) {
		this.robotCode = robotCode;
		this.ledger = ledger;
		this.clock = clock;
	}

	Answer groupReads(JsonNode request) {
		String key = request.path("processQueryKey").asText("");
		Optional<Answer> refusal = refuse(request.path("robotCode").asText(null), key);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		Optional<Integer> size = Paging.size(request.get("maxResults"), MAX_GROUP_PAGE);
		if (size.isEmpty()) {
			return Answer.error(400, "invalidParameter.pageSize.invalid", "maxResults exceeds " + MAX_GROUP_PAGE);
		}
		Optional<Snapshot> message = this.ledger.find(key).filter(kind(Kind.GROUP));
		if (message.isEmpty()) {
			return Answer.error(400, UNKNOWN_KEY, "processQueryKey is invalid");
		}
		String group = request.path("openConversationId").asText(null);
		if (group != null && !group.equals(message.get().openConversationId())) {
			return Answer.error(400, "invalid.openConversationId", "openConversationId is invalid");
		}
		List<String> readers = new ArrayList<>(message.get().reads().keySet());
		Optional<Integer> offset = Paging.offset(request.get("nextToken"), readers.size());
		if (offset.isEmpty()) {
			return Answer.error(400, "invalidParameter.cursor.invalid", "nextToken is invalid");
		}
		ObjectNode answer = Answer.json().createObjectNode().put("sendStatus", message.get().sendStatus());
		ArrayNode readUserIds = answer.putArray("readUserIds");
		ArrayNode readUsers = answer.putArray("readUsers");
		for (String userId : Paging.page(readers, offset.get(), size.get(), answer)) {
			readUserIds.add(userId);
			// the simulator has no directory: a user's unionId is made from their userId
			readUsers.addObject().put("userId", userId).put("unionId", "union-" + userId);
		}
		return Answer.ok(answer);
	}

	Answer userReads(String robotCode, String key) {
		Optional<Answer> refusal = refuse(robotCode, (key != null) ? key : "");
		if (refusal.isPresent()) {
			return refusal.get();
		}
		Optional<Snapshot> message = this.ledger.find(key).filter(kind(Kind.USERS));
		if (message.isEmpty()) {
			return Answer.error(400, UNKNOWN_KEY, "processQueryKey is invalid");
		}
		if (expired(message.get())) {
			return Answer.error(400, "processQueryKey.expireTime", "processQueryKey还未生成消息查询数据或已过期");
		}
		ObjectNode answer = Answer.json().createObjectNode().put("sendStatus", message.get().sendStatus());
		ArrayNode infos = answer.putArray("messageReadInfoList");
		for (String userId : message.get().recipients()) {
			// the simulator has no directory: a user's name is their userId
			ObjectNode info = infos.addObject().put("name", userId).put("userId", userId);
			Instant readAt = message.get().reads().get(userId);
			if (readAt != null) {
				info.put("readStatus", "READ").put("readTimestamp", readAt.toEpochMilli());
			}
			else {
				info.put("readStatus", "UNREAD");
			}
		}
		return Answer.ok(answer);
	}

	Answer recallGroup(JsonNode request) {
		if (!this.robotCode.equals(request.path("robotCode").asText(null))) {
			return Answer.error(400, "invalidParameter.robotCode.auth", "robotCode is not of this app");
		}
		String group = request.path("openConversationId").asText("");
		if (!group.startsWith("cid")) {
			return Answer.error(400, "invalid.openConversationId", "openConversationId is invalid");
		}
		return recall(request.path("processQueryKeys"),
				(message) -> message.kind() == Kind.GROUP && group.equals(message.openConversationId()));
	}

	Answer recallUsers(JsonNode request) {
		if (!this.robotCode.equals(request.path("robotCode").asText(null))) {
			return Answer.error(400, "invalidParameter.robotCode.auth", "robotCode is not of this app");
		}
		return recall(request.path("processQueryKeys"), (message) -> message.kind() == Kind.USERS);
	}

	// Recalls each key that names a message this call may recall; the answer lists the
	// rest with a reason, all in one HTTP 200.
	private Answer recall(JsonNode keys, Predicate<Snapshot> recallable) {
		if (!keys.isArray() || keys.isEmpty()) {
			return Answer.error(400, "invalidParameter.processQueryKeys.missing", "processQueryKeys is missing");
		}
		ObjectNode answer = Answer.json().createObjectNode();
		ArrayNode succeeded = answer.putArray("successResult");
		ObjectNode failed = answer.putObject("failedResult");
		for (JsonNode node : keys) {
			String key = node.asText();
			Optional<Snapshot> message = this.ledger.find(key).filter(recallable);
			if (message.isEmpty()) {
				failed.put(key, UNKNOWN_KEY);
			}
			else if (message.get().kind() == Kind.USERS && expired(message.get())) {
				failed.put(key, "processQueryKey.expireTime");
			}
			else {
				this.ledger.recall(key);
				succeeded.add(key);
			}
		}
		return Answer.ok(answer);
	}

	private Optional<Answer> refuse(String robotCode, String key) {
		if (!this.robotCode.equals(robotCode)) {
			return Optional.of(Answer.error(400, "invalidParameter.robotCode.auth", "robotCode is not of this app"));
		}
		if (key.isBlank()) {
			return Optional
				.of(Answer.error(400, "invalidParameter.processQueryKey.missing", "processQueryKey is missing"));
		}
		return Optional.empty();
	}

	private boolean expired(Snapshot message) {
		return !this.clock.instant().isBefore(message.sentAt().plus(USER_KEY_LIFETIME));
	}

	private static Predicate<Snapshot> kind(Kind kind) {
		return (message) -> message.kind() == kind;
	}

}
