package io.jingling.config;

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

}
