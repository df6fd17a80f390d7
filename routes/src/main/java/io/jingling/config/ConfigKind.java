package io.jingling.config;

import java.nio.file.Path;

/** One kind of versioned config, e.g. {@code escalation}. */
public interface ConfigKind {

	/** The kind's name in the API, e.g. {@code escalation}. */
	String name();

	/** The file that seeds version 1 and, where file watching is on, proposes edits. */
	Path file();

	/**
	 * Checks a candidate without applying it.
	 * @throws IllegalArgumentException naming the file, the entry and the reason
	 */
	void check(String content);

	/** Makes a checked version the one in force. */
	void apply(String content);

}
