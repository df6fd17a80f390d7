package io.jingling.connectors.dingtalk.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// Logs (日志): the list by template and time, and per log who received and who read it. Old-API
// only: no v1.0 call lists a log's readers. Every list pages with a cursor the answer gives.
final class ReportQueries {

	private static final Logger log = LoggerFactory.getLogger(ReportQueries.class);

	static final String LIST = "/topapi/report/list";

	static final String READERS = "/topapi/report/statistics/listbytype";

	static final String RECEIVERS = "/topapi/report/receiver/list";

	// report/list: 20 logs a page, a range of at most 180 days.
	static final int LIST_PAGE = 20;

	static final Duration LIST_SPAN = Duration.ofDays(180);

	// statistics/listbytype and receiver/list: 100 userids a page.
	static final int PEOPLE_PAGE = 100;

	// statistics/listbytype: 0 read, 1 commented, 2 liked.
	private static final Integer READ = 0;

	private final OapiCalls oapi;

	private final ObjectMapper json;

	ReportQueries(OapiCalls oapi, ObjectMapper json) {
		this.oapi = oapi;
		this.json = json;
	}

	List<WorkReport> reports(String templateName, Instant from, Instant to) {
		List<WorkReport> reports = new ArrayList<>();
		for (TimeWindow window : TimeWindow.split(from, to, LIST_SPAN)) {
			Long cursor = 0L;
			while (cursor != null) {
				ObjectNode body = this.json.createObjectNode()
					.put("start_time", window.start().toEpochMilli())
					.put("end_time", window.lastMilli());
				if (templateName != null) {
					body.put("template_name", templateName);
				}
				body.put("cursor", cursor).put("size", LIST_PAGE);
				JsonNode result = this.oapi.call("report list", LIST, body).path("result");
				result.path("data_list").forEach((report) -> reports.add(report(report)));
				cursor = OapiFields.nextCursor(result, cursor);
			}
		}
		log.debug("dingtalk.office ok operation=reports reports={}", reports.size());
		return List.copyOf(reports);
	}

	Set<String> readers(String reportId) {
		return people("report readers", READERS, reportId, READ);
	}

	Set<String> receivers(String reportId) {
		return people("report receivers", RECEIVERS, reportId, null);
	}

	// type: listbytype's kind of people; receiver/list takes none.
	private Set<String> people(String operation, String path, String reportId, Integer type) {
		LinkedHashSet<String> userIds = new LinkedHashSet<>();
		Long offset = 0L;
		while (offset != null) {
			ObjectNode body = this.json.createObjectNode().put("report_id", reportId);
			if (type != null) {
				body.put("type", type);
			}
			body.put("offset", offset).put("size", PEOPLE_PAGE);
			JsonNode result = this.oapi.call(operation, path, body).path("result");
			OapiFields.userIds(result, userIds);
			offset = OapiFields.nextCursor(result, offset);
		}
		log.debug("dingtalk.office ok operation={} reportId={} users={}", operation, reportId, userIds.size());
		return Collections.unmodifiableSet(userIds);
	}

	private static WorkReport report(JsonNode report) {
		List<ReportField> contents = new ArrayList<>();
		report.path("contents")
			.forEach((field) -> contents
				.add(new ReportField(OapiFields.text(field, "key"), field.path("value").asText(""))));
		return new WorkReport(OapiFields.text(report, "report_id"), OapiFields.text(report, "template_name"),
				OapiFields.text(report, "creator_id"), OapiFields.text(report, "creator_name"),
				OapiFields.millis(report, "create_time"), contents);
	}

}
