package io.jingling.connectors.dingtalk.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request the simulator received. {@code query} is the raw query string or null;
 * header names are case-insensitive.
 */
public record Recorded(String method, String path, String query, Map<String, String> headers, String body) {

	/** The body parsed as JSON. */
	public JsonNode json() {
		try {
			return Answer.json().readTree(this.body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("recorded body is not JSON: " + this.path, ex);
		}
	}

}
