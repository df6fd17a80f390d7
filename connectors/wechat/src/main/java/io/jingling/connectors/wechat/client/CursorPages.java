package io.jingling.connectors.wechat.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.jingling.connectors.TransientConnectorException;

// WeCom's cursor paging: follow next_cursor until it comes back empty. A cursor that comes
// back twice would loop forever, so it ends the call as a transient failure instead.
final class CursorPages {

	private CursorPages() {
	}

	// fetch gets the cursor of the page to read, null for the first.
	static <T> List<T> all(String operation, Function<String, Page<T>> fetch) {
		List<T> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		String cursor = null;
		do {
			Page<T> page = fetch.apply(cursor);
			rows.addAll(page.rows());
			cursor = page.nextCursor();
			if (cursor != null && !cursor.isEmpty() && !seen.add(cursor)) {
				throw new TransientConnectorException(WeChatErrors.PLATFORM, "cursor",
						"WeCom " + operation + " failed: the same next_cursor came back twice.");
			}
		}
		while (cursor != null && !cursor.isEmpty());
		return List.copyOf(rows);
	}

	record Page<T>(List<T> rows, String nextCursor) {
	}

}
