package io.jingling.schedule;

import java.util.Map;

/** Some items of a tick failed and should be tried again; the others are done. */
public class DueWorkFailed extends RuntimeException {

	private final Map<Long, String> errors;

	/**
	 * @param errors the failed items' ids and a short reason each (no personal data)
	 */
	public DueWorkFailed(Map<Long, String> errors) {
		super("due work failed: " + errors.size() + " item(s)");
		this.errors = Map.copyOf(errors);
	}

	public Map<Long, String> errors() {
		return this.errors;
	}

}
