package io.jingling.support;

import java.util.List;

/** Where a text is in a config file, as an editor numbers lines: what refusals name. */
public final class FileLines {

	private FileLines() {
	}

	/** The line (from 1) of the first occurrence of a text. */
	public static int lineOf(String content, String text) {
		return lineOf(content, text, 1);
	}

	/** The line (from 1) of the nth occurrence of a text. */
	public static int lineOf(String content, String text, int occurrence) {
		List<String> lines = content.lines().toList();
		int seen = 0;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text) && ++seen == occurrence) {
				return i + 1;
			}
		}
		throw new AssertionError(text + " is not in the file " + occurrence + " time(s)");
	}

}
