package io.jingling.connectors.dingtalk.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

// Logs (日志) on the old API: the list by creation time (at most 180 days, 20 a page, optionally one
// template or one author), and per log its receivers and its readers (statistics/listbytype type 0;
// nobody comments or likes here), 100 a page. Readers are listed in the order they read. A refused
// request answers errcode 40035, the simulator's choice.
final class SimulatedReports {

	static final int LIST_PAGE = 20;

	static final int PEOPLE_PAGE = 100;

	static final Duration LIST_SPAN = Duration.ofDays(180);

	private static final int INVALID = SimulatedWorkNotices.INVALID_PARAMETER;

	private final Map<String, Report> reports = new LinkedHashMap<>();

	private long nextId = 1;

	synchronized String add(String templateName, String creatorId, String creatorName, Instant at,
			List<String> receivers, Map<String, String> contents) {
		String reportId = String.format("sim-report-%06d", this.nextId++);
		this.reports.put(reportId, new Report(reportId, templateName, creatorId, creatorName, at,
				List.copyOf(receivers), new LinkedHashMap<>(contents), new LinkedHashSet<>()));
		return reportId;
	}

	synchronized void markRead(String reportId, String userId) {
		Report report = this.reports.get(reportId);
		if (report == null) {
			throw new IllegalArgumentException("The simulator has no log " + reportId);
		}
		if (!report.receivers().contains(userId)) {
			throw new IllegalArgumentException("Log " + reportId + " was not sent to " + userId);
		}
		report.readers().add(userId);
	}

	synchronized Answer list(JsonNode request) {
		JsonNode start = request.path("start_time");
		JsonNode end = request.path("end_time");
		if (!OapiBodies.isMillis(start) || !OapiBodies.isMillis(end) || end.asLong() < start.asLong()) {
			return Answer.oapiError(INVALID, "start_time 与 end_time 须为毫秒时间且 start_time 不晚于 end_time");
		}
		if (end.asLong() - start.asLong() > LIST_SPAN.toMillis()) {
			return Answer.oapiError(INVALID, "时间范围最长 180 天");
		}
		Optional<Integer> size = Paging.size(request.get("size"), LIST_PAGE);
		if (size.isEmpty()) {
			return Answer.oapiError(INVALID, "size 须为 1 到 " + LIST_PAGE);
		}
		String template = request.path("template_name").asText(null);
		String author = request.path("userid").asText(null);
		List<Report> matching = this.reports.values()
			.stream()
			.filter((report) -> template == null || template.equals(report.templateName()))
			.filter((report) -> author == null || author.equals(report.creatorId()))
			.filter((report) -> report.at().toEpochMilli() >= start.asLong()
					&& report.at().toEpochMilli() <= end.asLong())
			.sorted(Comparator.comparing(Report::at).thenComparing(Report::id))
			.toList();
		Optional<Integer> offset = Paging.cursor(request.get("cursor"), matching.size());
		if (offset.isEmpty()) {
			return Answer.oapiError(INVALID, "cursor 不合法");
		}
		ObjectNode answer = Answer.json().createObjectNode();
		ObjectNode result = answer.putObject("result");
		ArrayNode list = result.putArray("data_list");
		int last = Paging.oapiPage(matching.size(), offset.get(), size.get(), result, true);
		matching.subList(offset.get(), last).forEach((report) -> write(report, list.addObject()));
		result.put("size", size.get());
		return Answer.oapi(answer);
	}

	synchronized Answer readers(JsonNode request) {
		Report report = this.reports.get(request.path("report_id").asText(""));
		if (report == null) {
			return Answer.oapiError(INVALID, "report_id 不存在");
		}
		int type = request.path("type").asInt(-1);
		if (type < 0 || type > 2) {
			return Answer.oapiError(INVALID, "type 须为 0 已读、1 评论或 2 点赞");
		}
		return people(request, (type == 0) ? List.copyOf(report.readers()) : List.of());
	}

	synchronized Answer receivers(JsonNode request) {
		Report report = this.reports.get(request.path("report_id").asText(""));
		if (report == null) {
			return Answer.oapiError(INVALID, "report_id 不存在");
		}
		return people(request, report.receivers());
	}

	synchronized void reset() {
		this.reports.clear();
	}

	private static Answer people(JsonNode request, List<String> userIds) {
		Optional<Integer> size = Paging.size(request.get("size"), PEOPLE_PAGE);
		Optional<Integer> offset = Paging.cursor(request.get("offset"), userIds.size());
		if (size.isEmpty() || offset.isEmpty()) {
			return Answer.oapiError(INVALID, "size 须为 1 到 " + PEOPLE_PAGE + "，offset 须为上一页的 next_cursor");
		}
		ObjectNode answer = Answer.json().createObjectNode();
		ObjectNode result = answer.putObject("result");
		ArrayNode page = result.putArray("userid_list");
		int last = Paging.oapiPage(userIds.size(), offset.get(), size.get(), result, true);
		userIds.subList(offset.get(), last).forEach(page::add);
		return Answer.oapi(answer);
	}

	private static void write(Report report, ObjectNode node) {
		node.put("report_id", report.id())
			.put("template_name", report.templateName())
			.put("creator_id", report.creatorId())
			.put("creator_name", report.creatorName())
			.put("dept_name", "")
			.put("create_time", report.at().toEpochMilli())
			.put("modified_time", report.at().toEpochMilli())
			.put("remark", "");
		ArrayNode contents = node.putArray("contents");
		List<Map.Entry<String, String>> fields = new ArrayList<>(report.contents().entrySet());
		for (int i = 0; i < fields.size(); i++) {
			contents.addObject()
				.put("key", fields.get(i).getKey())
				.put("sort", String.valueOf(i))
				.put("type", "1")
				.put("value", fields.get(i).getValue());
		}
		node.putArray("images");
	}

	private record Report(String id, String templateName, String creatorId, String creatorName, Instant at,
			List<String> receivers, Map<String, String> contents, Set<String> readers) {
	}

}
