package io.jingling.connectors.dingtalk.sim;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

// Check-ins (签到) and attendance punches (考勤打卡) on the old API, with DingTalk's limits on one
// call: check-ins of at most 10 users, over at most 10 days for one user and 1 day for several,
// paged by cursor at most 100 a page; punches of at most 50 users over at most 7 days, dates as
// "yyyy-MM-dd HH:mm:ss" in China time. Both ranges include their ends. A refused request answers
// errcode 40035, the simulator's choice: the codes DingTalk gives these cases are not documented.
final class SimulatedCheckins {

	static final int CHECKIN_USERS = 10;

	static final int CHECKIN_PAGE = 100;

	static final Duration ONE_USER_SPAN = Duration.ofDays(10);

	static final Duration SEVERAL_USERS_SPAN = Duration.ofDays(1);

	static final int ATTENDANCE_USERS = 50;

	static final int ATTENDANCE_DAYS = 7;

	private static final int INVALID = SimulatedWorkNotices.INVALID_PARAMETER;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter CHECK_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final List<Checkin> checkins = new ArrayList<>();

	private final List<Punch> punches = new ArrayList<>();

	private long nextPunchId = 1;

	synchronized void addCheckin(String userId, Instant at, String place, double latitude, double longitude) {
		this.checkins.add(new Checkin(userId, at, place, latitude, longitude));
	}

	synchronized void addAttendance(String userId, Instant at, String checkType, String locationResult,
			String address) {
		this.punches.add(new Punch(this.nextPunchId++, userId, at, checkType, locationResult, address));
	}

	synchronized Answer checkins(JsonNode request) {
		Set<String> users = new LinkedHashSet<>();
		for (String userId : request.path("userid_list").asText("").split(",")) {
			if (!userId.isBlank()) {
				users.add(userId.trim());
			}
		}
		if (users.isEmpty() || users.size() > CHECKIN_USERS) {
			return Answer.oapiError(INVALID, "userid_list 须有 1 到 " + CHECKIN_USERS + " 个 userid");
		}
		JsonNode start = request.path("start_time");
		JsonNode end = request.path("end_time");
		if (!OapiBodies.isMillis(start) || !OapiBodies.isMillis(end) || end.asLong() < start.asLong()) {
			return Answer.oapiError(INVALID, "start_time 与 end_time 须为毫秒时间且 start_time 不晚于 end_time");
		}
		Duration span = (users.size() == 1) ? ONE_USER_SPAN : SEVERAL_USERS_SPAN;
		if (end.asLong() - start.asLong() > span.toMillis()) {
			return Answer.oapiError(INVALID, "查询 1 人时时间范围最长 10 天，多人时最长 1 天");
		}
		Optional<Integer> size = Paging.size(request.get("size"), CHECKIN_PAGE);
		if (size.isEmpty()) {
			return Answer.oapiError(INVALID, "size 须为 1 到 " + CHECKIN_PAGE);
		}
		List<Checkin> matching = this.checkins.stream()
			.filter((checkin) -> users.contains(checkin.userId()))
			.filter((checkin) -> within(checkin.at(), start.asLong(), end.asLong()))
			.sorted(Comparator.comparing(Checkin::at))
			.toList();
		Optional<Integer> offset = Paging.cursor(request.get("cursor"), matching.size());
		if (offset.isEmpty()) {
			return Answer.oapiError(INVALID, "cursor 不合法");
		}
		ObjectNode answer = Answer.json().createObjectNode();
		ObjectNode result = answer.putObject("result");
		ArrayNode page = result.putArray("page_list");
		int last = Paging.oapiPage(matching.size(), offset.get(), size.get(), result, false);
		for (Checkin checkin : matching.subList(offset.get(), last)) {
			// DingTalk gives coordinates as strings; the simulator has one place for both
			// names
			page.addObject()
				.put("userid", checkin.userId())
				.put("checkin_time", checkin.at().toEpochMilli())
				.put("place", checkin.place())
				.put("detail_place", checkin.place())
				.put("remark", "")
				.put("latitude", String.valueOf(checkin.latitude()))
				.put("longitude", String.valueOf(checkin.longitude()))
				.put("visit_user", "")
				.putArray("image_list");
		}
		return Answer.oapi(answer);
	}

	synchronized Answer attendance(JsonNode request) {
		Set<String> users = new LinkedHashSet<>();
		userIds(request.path("userIds")).forEach(users::add);
		if (users.isEmpty() || users.size() > ATTENDANCE_USERS) {
			return Answer.oapiError(INVALID, "userIds 须有 1 到 " + ATTENDANCE_USERS + " 个 userid");
		}
		Optional<LocalDateTime> from = checkDate(request.path("checkDateFrom"));
		Optional<LocalDateTime> to = checkDate(request.path("checkDateTo"));
		if (from.isEmpty() || to.isEmpty() || to.get().isBefore(from.get())) {
			return Answer.oapiError(INVALID, "checkDateFrom 与 checkDateTo 须为 yyyy-MM-dd HH:mm:ss 且前者不晚于后者");
		}
		if (from.get().plusDays(ATTENDANCE_DAYS).isBefore(to.get())) {
			return Answer.oapiError(INVALID, "checkDateFrom 与 checkDateTo 最多相隔 " + ATTENDANCE_DAYS + " 天");
		}
		long start = from.get().atZone(CHINA).toInstant().toEpochMilli();
		long end = to.get().atZone(CHINA).toInstant().toEpochMilli();
		ObjectNode answer = Answer.json().createObjectNode();
		ArrayNode records = answer.putArray("recordresult");
		this.punches.stream()
			.filter((punch) -> users.contains(punch.userId()) && within(punch.at(), start, end))
			.sorted(Comparator.comparing(Punch::at).thenComparing(Punch::id))
			.forEach((punch) -> records.addObject()
				.put("id", punch.id())
				.put("userId", punch.userId())
				.put("userCheckTime", punch.at().toEpochMilli())
				.put("checkType", punch.checkType())
				.put("timeResult", "Normal")
				.put("locationResult", punch.locationResult())
				.put("sourceType", "USER")
				.put("isLegal", "Y")
				.put("userAddress", punch.address()));
		return Answer.oapi(answer);
	}

	synchronized void reset() {
		this.checkins.clear();
		this.punches.clear();
	}

	// userIds is a JSON array, or in a form the same array as a string.
	private static List<String> userIds(JsonNode userIds) {
		JsonNode list = userIds;
		if (userIds.isTextual()) {
			try {
				list = Answer.json().readTree(userIds.asText());
			}
			catch (IOException ex) {
				return List.of();
			}
		}
		List<String> ids = new ArrayList<>();
		if (list != null && list.isArray()) {
			list.forEach((userId) -> ids.add(userId.asText()));
		}
		return ids;
	}

	private static Optional<LocalDateTime> checkDate(JsonNode date) {
		try {
			return Optional.of(LocalDateTime.parse(date.asText(""), CHECK_DATE));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private static boolean within(Instant at, long start, long end) {
		return at.toEpochMilli() >= start && at.toEpochMilli() <= end;
	}

	private record Checkin(String userId, Instant at, String place, double latitude, double longitude) {
	}

	private record Punch(long id, String userId, Instant at, String checkType, String locationResult, String address) {
	}

}
