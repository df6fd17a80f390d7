package io.jingling.bots.engine;

import java.nio.file.Path;

/**
 * A rules file that cannot be used: unreadable, not the documented schema, or a condition
 * that does not compile. The message is one sentence naming the file, the rule and the
 * position, e.g.
 * {@code rules file command.yaml, rule command-group, line 4, column 9: undeclared reference to 'event.circels'}.
 */
public final class RuleLoadException extends Exception {

	private final String file;

	private final String ruleId;

	private final String position;

	RuleLoadException(String file, String ruleId, Position position, String reason) {
		this(file, ruleId, position, reason, null);
	}

	RuleLoadException(String file, String ruleId, Position position, String reason, Throwable cause) {
		this(describe(file, ruleId, position, reason), cause, file, ruleId,
				(position != null) ? position.toString() : null);
	}

	private RuleLoadException(String message, Throwable cause, String file, String ruleId, String position) {
		super(message, cause);
		this.file = file;
		this.ruleId = ruleId;
		this.position = position;
	}

	static RuleLoadException unreadableDirectory(Path directory, Exception cause) {
		return new RuleLoadException(
				"rules directory " + directory + " cannot be read (" + cause.getClass().getSimpleName() + ")", cause,
				directory.toString(), null, null);
	}

	private static String describe(String file, String ruleId, Position position, String reason) {
		StringBuilder message = new StringBuilder("rules file ").append(file);
		if (ruleId != null) {
			message.append(", rule ").append(ruleId);
		}
		if (position != null) {
			message.append(", ").append(position);
		}
		return message.append(": ").append(reason).toString();
	}

	/** The file name (or, when the directory itself is unreadable, the directory). */
	public String file() {
		return this.file;
	}

	/**
	 * The id of the rule at fault, or {@code null} when the fault is outside a rule or
	 * the id is missing.
	 */
	public String ruleId() {
		return this.ruleId;
	}

	/**
	 * {@code "line L, column C"} in the file (both from 1), or {@code null} when not
	 * known.
	 */
	public String position() {
		return this.position;
	}

}
