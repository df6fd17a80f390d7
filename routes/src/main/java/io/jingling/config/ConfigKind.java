package io.jingling.config;

import java.util.Map;

/** One kind of versioned config, e.g. {@code escalation}. */
public interface ConfigKind {

	/** The kind's name in the API, e.g. {@code escalation}. */
	String name();

	/**
	 * What the kind's files under {@code config/} say now, as one text: it seeds version
	 * 1 and, where file watching is on, is proposed as an edit when it changes.
	 */
	String readSource();

	/**
	 * Checks a candidate without applying it.
	 * @throws IllegalArgumentException naming the file, the entry and the reason
	 */
	void check(String content);

	/** Makes a checked version the one in force. */
	void apply(String content);

	/**
	 * A version's content as the files it stands for, by path from the hub's home (e.g.
	 * {@code config/escalation.yaml}): what an export holds.
	 */
	Map<String, String> files(String content);

	/**
	 * The content that files stand for: what an import proposes.
	 * @throws IllegalArgumentException for a file the kind does not have
	 */
	String content(Map<String, String> files);

}
