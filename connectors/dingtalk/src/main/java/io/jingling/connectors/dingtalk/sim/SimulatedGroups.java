package io.jingling.connectors.dingtalk.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

// Internal groups and their members, as innerGroups/members/query serves them. A group send
// snapshots its group's members here: they are the message's recipients. A group nobody set has
// no members. The robot is not a user and is never listed.
final class SimulatedGroups {

	// DingTalk documents no page size for this call; the simulator allows 1000 (the
	// client's
	// page) and refuses more the way groupMessages/query does. Unverified.
	static final int MAX_PAGE = 1000;

	private final Map<String, List<String>> members = new HashMap<>();

	synchronized void setMembers(String openConversationId, List<String> userIds) {
		this.members.put(openConversationId, List.copyOf(userIds));
	}

	synchronized List<String> members(String openConversationId) {
		return this.members.getOrDefault(openConversationId, List.of());
	}

	synchronized Answer query(JsonNode request) {
		String group = request.path("openConversationId").asText("");
		if (!group.startsWith("cid")) {
			return Answer.error(400, "invalid.openConversationId", "openConversationId is invalid");
		}
		Optional<Integer> size = Paging.size(request.get("maxResults"), MAX_PAGE);
		if (size.isEmpty()) {
			return Answer.error(400, "invalidParameter.pageSize.invalid", "maxResults exceeds " + MAX_PAGE);
		}
		List<String> all = members(group);
		Optional<Integer> offset = Paging.offset(request.get("nextToken"), all.size());
		if (offset.isEmpty()) {
			return Answer.error(400, "invalidParameter.cursor.invalid", "nextToken is invalid");
		}
		ObjectNode answer = Answer.json().createObjectNode();
		Paging.page(all, offset.get(), size.get(), answer).forEach(answer.putArray("userIds")::add);
		return Answer.ok(answer);
	}

	synchronized void reset() {
		this.members.clear();
	}

}
