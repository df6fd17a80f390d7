package io.jingling.connectors.dingtalk.client;

/**
 * One filled-in field of a log (日志): the template's field name and what the author wrote.
 * {@code toString()} hides the value.
 */
public record ReportField(String key, String value) {

	@Override
	public String toString() { // what officers write stays out of logs
		return "ReportField[key=" + this.key + ", value=(hidden)]";
	}

}
