package io.jingling.directory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The shape of {@code config/circles.yaml}: the six circles, their liaisons and customer
 * groups.
 */
record CirclesFile(@JsonProperty("quota-policy") QuotaPolicy quotaPolicy, List<CircleEntry> circles) {

	/** A circle; aliases, liaisons and groups left out are none. */
	record CircleEntry(String id, String name, List<String> aliases, List<LiaisonEntry> liaisons,
			List<GroupEntry> groups) {

		CircleEntry {
			aliases = (aliases != null) ? aliases : List.of();
			liaisons = (liaisons != null) ? liaisons : List.of();
			groups = (groups != null) ? groups : List.of();
		}

	}

	record LiaisonEntry(@JsonProperty("wecom-user-id") String wecomUserId,
			@JsonProperty("dingtalk-user-id") String dingtalkUserId) {
	}

	record GroupEntry(@JsonProperty("chat-id") String chatId, String name, String township, String owner) {
	}

}
