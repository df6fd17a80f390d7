package io.jingling.config;

/**
 * A candidate config that did not check out; the message names file, entry and reason.
 */
public class ConfigRefused extends RuntimeException {

	public ConfigRefused(String message) {
		super(message);
	}

}
