package io.jingling.connectors.dingtalk.client;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// Check-ins (签到) and attendance punches (考勤打卡), both old-API only, each with its own limits on
// one call: users per call and the length of the range. Longer lists and ranges are asked for in
// batches and windows; the answers are merged and sorted by time.
final class CheckinQueries {

	private static final Logger log = LoggerFactory.getLogger(CheckinQueries.class);

	static final String CHECKINS = "/topapi/checkin/record/get";

	static final String ATTENDANCE = "/attendance/listRecord";

	// checkin/record/get: 10 users a call, 100 records a page; the range at most 10 days
	// for
	// one user and 1 day for several.
	static final int CHECKIN_USERS = 10;

	static final int CHECKIN_PAGE = 100;

	static final Duration CHECKIN_SPAN_ONE = Duration.ofDays(10);

	static final Duration CHECKIN_SPAN_SEVERAL = Duration.ofDays(1);

	// attendance/listRecord: 50 users and 7 days a call, no paging.
	static final int ATTENDANCE_USERS = 50;

	static final int ATTENDANCE_DAYS = 7;

	private static final DateTimeFormatter CHECK_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final Comparator<Instant> BY_TIME = Comparator.nullsLast(Comparator.naturalOrder());

	private final OapiCalls oapi;

	private final ObjectMapper json;

	CheckinQueries(OapiCalls oapi, ObjectMapper json) {
		this.oapi = oapi;
		this.json = json;
	}

	List<CheckinRecord> checkins(List<String> userIds, Instant from, Instant to) {
		requireUserIds(userIds);
		TimeWindow.requireRange(from, to);
		List<CheckinRecord> records = new ArrayList<>();
		int calls = 0;
		for (List<String> batch : OapiFields.batches(userIds, CHECKIN_USERS)) {
			Duration span = (batch.size() == 1) ? CHECKIN_SPAN_ONE : CHECKIN_SPAN_SEVERAL;
			for (TimeWindow window : TimeWindow.split(from, to, span)) {
				Long cursor = 0L;
				while (cursor != null) {
					ObjectNode body = this.json.createObjectNode()
						.put("userid_list", String.join(",", batch))
						.put("start_time", window.start().toEpochMilli())
						.put("end_time", window.lastMilli())
						.put("cursor", cursor)
						.put("size", CHECKIN_PAGE);
					JsonNode result = this.oapi.call("check-in records", CHECKINS, body).path("result");
					calls++;
					result.path("page_list").forEach((record) -> records.add(checkin(record)));
					cursor = OapiFields.nextCursor(result, cursor);
				}
			}
		}
		records.sort(Comparator.comparing(CheckinRecord::at, BY_TIME));
		log.debug("dingtalk.office ok operation=checkins users={} calls={} records={}", userIds.size(), calls,
				records.size());
		return List.copyOf(records);
	}

	// Windows are whole seconds, as the dates DingTalk takes, and share their boundary
	// second: whether DingTalk includes a window's end is not documented, so a punch on a
	// boundary may come twice and is kept once; punches outside [from, to) are dropped.
	List<AttendanceRecord> attendance(List<String> userIds, Instant from, Instant to, ZoneId zone) {
		requireUserIds(userIds);
		TimeWindow.requireRange(from, to);
		LocalDateTime start = LocalDateTime.ofInstant(from.truncatedTo(ChronoUnit.SECONDS), zone);
		Instant last = to.truncatedTo(ChronoUnit.SECONDS);
		LocalDateTime end = LocalDateTime.ofInstant(last.isBefore(to) ? last.plusSeconds(1) : last, zone);
		Set<AttendanceRecord> records = new LinkedHashSet<>();
		int calls = 0;
		for (List<String> batch : OapiFields.batches(userIds, ATTENDANCE_USERS)) {
			for (LocalDateTime window = start; window.isBefore(end); window = window.plusDays(ATTENDANCE_DAYS)) {
				LocalDateTime windowEnd = window.plusDays(ATTENDANCE_DAYS).isBefore(end)
						? window.plusDays(ATTENDANCE_DAYS) : end;
				ObjectNode body = this.json.createObjectNode()
					.put("checkDateFrom", CHECK_DATE.format(window))
					.put("checkDateTo", CHECK_DATE.format(windowEnd))
					.put("isI18n", false);
				batch.forEach(body.putArray("userIds")::add);
				JsonNode answer = this.oapi.call("attendance records", ATTENDANCE, body);
				calls++;
				answer.path("recordresult").forEach((record) -> records.add(punch(record)));
			}
		}
		List<AttendanceRecord> inRange = records.stream()
			.filter((record) -> record.at() != null && !record.at().isBefore(from) && record.at().isBefore(to))
			.sorted(Comparator.comparing(AttendanceRecord::at))
			.toList();
		log.debug("dingtalk.office ok operation=attendance users={} calls={} records={}", userIds.size(), calls,
				inRange.size());
		return inRange;
	}

	private static CheckinRecord checkin(JsonNode record) {
		return new CheckinRecord(OapiFields.text(record, "userid"), OapiFields.millis(record, "checkin_time"),
				OapiFields.text(record, "place"), OapiFields.text(record, "detail_place"),
				OapiFields.decimal(record, "latitude"), OapiFields.decimal(record, "longitude"));
	}

	private static AttendanceRecord punch(JsonNode record) {
		return new AttendanceRecord(OapiFields.text(record, "userId"), OapiFields.millis(record, "userCheckTime"),
				OapiFields.text(record, "checkType"), OapiFields.text(record, "timeResult"),
				OapiFields.text(record, "locationResult"), OapiFields.text(record, "userAddress"));
	}

	// DingTalk takes check-in users as one comma-separated string.
	private static void requireUserIds(List<String> userIds) {
		if (userIds.stream().anyMatch((userId) -> userId == null || userId.isBlank() || userId.contains(","))) {
			throw new IllegalArgumentException("A DingTalk userId is blank or contains a comma");
		}
	}

}
