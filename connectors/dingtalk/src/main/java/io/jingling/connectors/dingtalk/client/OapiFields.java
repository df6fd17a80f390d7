package io.jingling.connectors.dingtalk.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

// Reading the old API's answers, whose types vary between calls and fields: times in epoch
// milliseconds as numbers or strings, coordinates as strings, cursors that may be missing.
final class OapiFields {

	private OapiFields() {
	}

	// A field's text, or null when it is missing, null or blank.
	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull() && !value.asText().isBlank()) ? value.asText() : null;
	}

	// Epoch milliseconds as a number or a numeric string, or null.
	static Instant millis(JsonNode node, String field) {
		String text = text(node, field);
		try {
			return (text != null) ? Instant.ofEpochMilli(Long.parseLong(text.trim())) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	// A decimal as a number or a string, or null.
	static Double decimal(JsonNode node, String field) {
		String text = text(node, field);
		try {
			return (text != null) ? Double.valueOf(text.trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	// The cursor of the next page, or null on the last one. A page that gives the cursor
	// it was asked with ends the walk rather than asking for the same page forever.
	static Long nextCursor(JsonNode result, long current) {
		if (result.has("has_more") && !result.path("has_more").asBoolean(false)) {
			return null;
		}
		String next = text(result, "next_cursor");
		try {
			Long cursor = (next != null) ? Long.valueOf(next.trim()) : null;
			return (cursor != null && cursor != current) ? cursor : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	// The userids of a page, added to those of earlier pages.
	static void userIds(JsonNode result, LinkedHashSet<String> into) {
		result.path("userid_list").forEach((userId) -> into.add(userId.asText()));
	}

	// Splits userIds, without repeats, into batches of at most size.
	static List<List<String>> batches(List<String> userIds, int size) {
		List<String> distinct = List.copyOf(new LinkedHashSet<>(userIds));
		List<List<String>> batches = new ArrayList<>();
		for (int from = 0; from < distinct.size(); from += size) {
			batches.add(distinct.subList(from, Math.min(distinct.size(), from + size)));
		}
		return batches;
	}

}
