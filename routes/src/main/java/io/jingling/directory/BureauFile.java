package io.jingling.directory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The shape of a bureau file such as {@code samples/demo/bureau.yaml}. */
record BureauFile(String bureau, List<OfficerEntry> officers, List<GroupEntry> groups) {

	record OfficerEntry(@JsonProperty("user-id") String userId, String name, String unit, List<String> roles,
			String phone) {
	}

	record GroupEntry(@JsonProperty("open-conversation-id") String openConversationId, String name, String channel,
			List<String> members) {
	}

}
