package io.jingling.connectors.sms.sim;

import java.util.Map;

/**
 * One request the simulator received, refused ones included. {@code query} and
 * {@code form} hold the decoded parameters (SendBatchSms puts its JSON arrays in the form
 * body); header names are case-insensitive.
 *
 * @param status the HTTP status the simulator answered
 * @param answerCode the {@code Code} it answered, {@code OK} on success
 */
public record Recorded(String action, Map<String, String> query, Map<String, String> form, Map<String, String> headers,
		int status, String answerCode) {

	/** A parameter from the query or, failing that, the form body; null when absent. */
	public String param(String name) {
		return this.query.containsKey(name) ? this.query.get(name) : this.form.get(name);
	}

}
