package io.jingling.config;

import java.util.List;

/**
 * A config file's lines, to name the line a refusal is about, as an editor shows it.
 *
 * @param file the file's path from the hub's home, e.g. {@code config/circles.yaml}
 * @param lines its lines
 */
public record ConfigLines(String file, List<String> lines) {

	public ConfigLines(String file, String content) {
		this(file, content.lines().toList());
	}

	/** The line (from 1) of the first occurrence of a text, or 1. */
	public int of(String text) {
		return of(text, 1, 1);
	}

	/** The line of the nth occurrence of a text, or of the last one, or 1. */
	public int of(String text, int occurrence) {
		return of(text, occurrence, 1);
	}

	/** The line of the nth occurrence of a text from a line on, or of the last one. */
	public int of(String text, int occurrence, int fromLine) {
		int found = fromLine;
		int seen = 0;
		for (int i = fromLine - 1; i < this.lines.size() && seen < occurrence; i++) {
			if (this.lines.get(i).contains(text)) {
				found = i + 1;
				seen++;
			}
		}
		return found;
	}

	/** A refusal naming the file, the line and the reason. */
	public IllegalArgumentException refusal(int line, String reason) {
		return new IllegalArgumentException(this.file + ", line " + line + ": " + reason);
	}

}
