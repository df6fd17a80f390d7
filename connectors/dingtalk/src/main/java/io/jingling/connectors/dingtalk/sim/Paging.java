package io.jingling.connectors.dingtalk.sim;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

// nextToken paging as DingTalk's v1.0 list calls do it. The cursor is the offset of the next page as
// a string, as in the docs' own example ("nextToken": "50"); the answer carries hasMore, and
// nextToken only when there is more.
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
