package io.jingling.connectors.wechat.sim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

// Cursor paging as WeCom does it: `limit` rows per page and an opaque next_cursor. The cursor
// is the position in an append-only list, so following cursors never repeats a row.
final class Paging {

	private static final String PREFIX = "sim-cursor:";

	private Paging() {
	}

	// The limit asked for: absent or 0 means the default; outside 1..max is refused
	// (null).
	static Integer limit(JsonNode request, int defaultLimit, int max) {
		int limit = request.path("limit").asInt(0);
		if (limit == 0) {
			return defaultLimit;
		}
		return (limit < 0 || limit > max) ? null : limit;
	}

	// The position a cursor stands for: absent or empty is 0, a foreign cursor is null.
	static Integer position(JsonNode request) {
		String cursor = request.path("cursor").asText("");
		if (cursor.isEmpty()) {
			return 0;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			return decoded.startsWith(PREFIX) ? Integer.valueOf(decoded.substring(PREFIX.length())) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static String cursor(int position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
	}

	// Puts rows[from, from+limit) under `field` and sets next_cursor, empty when done.
	static ObjectNode page(ObjectNode answer, String field, List<ObjectNode> rows, int from, int limit) {
		int to = Math.min(rows.size(), from + limit);
		ArrayNode array = answer.putArray(field);
		for (int i = Math.min(from, to); i < to; i++) {
			array.add(rows.get(i));
		}
		answer.put("next_cursor", (to < rows.size()) ? cursor(to) : "");
		return answer;
	}

}
