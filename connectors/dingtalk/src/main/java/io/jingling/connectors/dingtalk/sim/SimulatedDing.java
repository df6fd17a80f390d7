package io.jingling.connectors.dingtalk.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

// The robot DING as DingTalk serves it: only on a paid edition, with per-call receiver limits by
// kind, and SMS and phone DING spending the tenant's purchased quota, one per receiver reached.
final class SimulatedDing {

	// remindType 1 in-app, 2 SMS, 3 phone.
	private static final Map<Integer, Integer> MAX_RECEIVERS = Map.of(1, 200, 2, 20, 3, 20);

	private static final int APP = 1;

	private final String robotCode;

	private boolean available;

	// null: unlimited
	private Integer quota;

	private Map<String, List<String>> failedList;

	SimulatedDing(String robotCode) {
		this.robotCode = robotCode;
		reset();
	}

	synchronized Answer send(JsonNode request) {
		if (!this.available) {
			// What DingTalk answers a tenant without DING is unverified; this is the
			// gateway's answer for a token that lacks the permission
			// (Premium.Ding.Write).
			return Answer.error(403, "Forbidden.AccessDenied.AccessTokenPermissionDenied",
					"the tenant's edition does not include DING");
		}
		if (!this.robotCode.equals(request.path("robotCode").asText(null))) {
			return Answer.error(400, "invalidParameter.robotCode.auth", "robotCode is not of this app");
		}
		int remindType = request.path("remindType").asInt(0);
		Integer maxReceivers = MAX_RECEIVERS.get(remindType);
		if (maxReceivers == null || request.path("content").asText("").isBlank()) {
			return Answer.error(400, "invalidParameter.param.invalid", "remindType or content is invalid");
		}
		List<String> receivers = new ArrayList<>();
		request.path("receiverUserIdList").forEach((userId) -> receivers.add(userId.asText()));
		if (receivers.isEmpty()) {
			return Answer.error(400, "miss.staffId", "receiverUserIdList is empty");
		}
		if (receivers.size() > maxReceivers) {
			return Answer.error(400, "ding.receivercount.limit", "at most " + maxReceivers + " receivers");
		}
		Map<String, List<String>> missed = new LinkedHashMap<>();
		Set<String> missedIds = new HashSet<>();
		this.failedList.forEach((reason, userIds) -> {
			List<String> here = userIds.stream().filter(receivers::contains).toList();
			if (!here.isEmpty()) {
				missed.put(reason, here);
				missedIds.addAll(here);
			}
		});
		long reached = receivers.stream().filter((userId) -> !missedIds.contains(userId)).count();
		if (remindType != APP && this.quota != null) {
			if (reached > this.quota) {
				return Answer.error(400, "ding.serverquota.insufficient", "DING quota is insufficient");
			}
			this.quota -= (int) reached;
		}
		ObjectNode answer = Answer.json().createObjectNode().put("openDingId", "ding-sim-" + UUID.randomUUID());
		ObjectNode failed = answer.putObject("failedList");
		missed.forEach((reason, userIds) -> userIds.forEach(failed.putArray(reason)::add));
		return Answer.ok(answer);
	}

	synchronized void setAvailable(boolean available) {
		this.available = available;
	}

	synchronized void setQuota(int remaining) {
		if (remaining < 0) {
			throw new IllegalArgumentException("DING quota cannot be negative: " + remaining);
		}
		this.quota = remaining;
	}

	synchronized void setFailedList(Map<String, List<String>> userIdsByReason) {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		userIdsByReason.forEach((reason, userIds) -> copy.put(reason, List.copyOf(userIds)));
		this.failedList = copy;
	}

	synchronized void reset() {
		this.available = true;
		this.quota = null;
		this.failedList = Map.of();
	}

}
