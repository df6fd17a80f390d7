package io.jingling.connectors.dingtalk.client;

import java.time.Instant;
import java.util.List;

/**
 * A log (日志) as {@code topapi/report/list} gives it: its id, template, author and
 * creation time, and its fields in the template's order. {@code toString()} hides the
 * author and the contents.
 */
public record WorkReport(String reportId, String templateName, String creatorId, String creatorName, Instant createdAt,
		List<ReportField> contents) {

	public WorkReport {
		contents = (contents != null) ? List.copyOf(contents) : List.of();
	}

	@Override
	public String toString() { // the author is personal data, the contents may be an
								// order
		return "WorkReport[reportId=" + this.reportId + ", templateName=" + this.templateName + ", createdAt="
				+ this.createdAt + ", contents=" + this.contents.size() + "]";
	}

}
