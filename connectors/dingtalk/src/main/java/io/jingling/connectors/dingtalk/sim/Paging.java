package io.jingling.connectors.dingtalk.sim;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

// nextToken paging as DingTalk's v1.0 list calls do it. The cursor is the offset of the next page as
// a string, as in the docs' own example ("nextToken": "50"); the answer carries hasMore, and
// nextToken only when there is more. The old API's lists take a numeric cursor (or offset), 0 for
// the first page, and answer next_cursor when there is more, most of them also has_more.
final class Paging {

	private Paging() {
	}

	// The page size asked for: the default when absent, empty when outside 1..max.
	static Optional<Integer> size(JsonNode maxResults, int max) {
		if (maxResults == null || maxResults.isNull()) {
			return Optional.of(max);
		}
		int size = maxResults.asInt(0);
		return (size >= 1 && size <= max) ? Optional.of(size) : Optional.empty();
	}

	// Where the page starts: 0 without a cursor, empty for a cursor we never gave out.
	static Optional<Integer> offset(JsonNode nextToken, int total) {
		if (nextToken == null || nextToken.isNull() || nextToken.asText().isEmpty()) {
			return Optional.of(0);
		}
		try {
			int offset = Integer.parseInt(nextToken.asText());
			return (offset > 0 && offset <= total) ? Optional.of(offset) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	// Where an old-API page starts: 0 without a cursor, empty for one we never gave out.
	static Optional<Integer> cursor(JsonNode cursor, int total) {
		if (cursor == null || cursor.isNull() || cursor.asText().isEmpty()) {
			return Optional.of(0);
		}
		try {
			int offset = Integer.parseInt(cursor.asText().trim());
			return (offset >= 0 && offset <= total) ? Optional.of(offset) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	// The end of an old-API page; writes next_cursor, and has_more when asked, into
	// result.
	static int oapiPage(int total, int offset, int size, ObjectNode result, boolean hasMore) {
		int end = Math.min(total, offset + size);
		if (hasMore) {
			result.put("has_more", end < total);
		}
		if (end < total) {
			result.put("next_cursor", end);
		}
		return end;
	}

	// The slice of all that one page holds; writes hasMore and nextToken into answer.
	static List<String> page(List<String> all, int offset, int size, ObjectNode answer) {
		int end = Math.min(all.size(), offset + size);
		boolean more = end < all.size();
		answer.put("hasMore", more);
		if (more) {
			answer.put("nextToken", String.valueOf(end));
		}
		return all.subList(offset, end);
	}

}
