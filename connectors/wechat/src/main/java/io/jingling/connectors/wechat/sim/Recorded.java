package io.jingling.connectors.wechat.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request the simulator received. {@code query} is the raw query string or null;
 * header names are case-insensitive; a multipart upload's {@code body} is its raw text.
 */
public record Recorded(String method, String path, String query, Map<String, String> headers, String body) {

	/** The body parsed as JSON. */
	public JsonNode json() {
		try {
			return Answer.mapper().readTree(this.body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("recorded body is not JSON: " + this.path, ex);
		}
	}

}
