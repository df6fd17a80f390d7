package io.jingling.duty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.jingling.bots.engine.Officer;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.outbox.Outbox;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Today's check-ins per officer. A punch seen both as an event and by a backfill query is
 * one row; a check-in outside the geofence is told to the squad leaders of the officer's
 * unit, once.
 */
@Component
public class DutyBoard {

	private static final Logger log = LoggerFactory.getLogger(DutyBoard.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate savepoint;

	private final DirectoryStore directory;

	private final DutyProperties properties;

	private final Outbox outbox;

	private final ZoneId zone;

	private final Clock clock;

	DutyBoard(JdbcTemplate jdbc, PlatformTransactionManager transactions, DirectoryStore directory,
			DutyProperties properties, Outbox outbox, HubProperties hub, Clock clock) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.directory = directory;
		this.properties = properties;
		this.outbox = outbox;
		this.zone = hub.timeZone();
		this.clock = clock;
	}

	/**
	 * Records a check-in unless it is known; true when it is new. A new one outside the
	 * geofence is told to the unit's squad leaders.
	 */
	public boolean record(String userId, Instant at, String source, String place, boolean outside) {
		try {
			this.savepoint.executeWithoutResult((status) -> this.jdbc.update(
					"INSERT INTO duty_checkin (user_id, checked_at, source, place, outside) VALUES (?, ?, ?, ?, ?)",
					userId, Timestamp.from(at), source, place, outside));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		if (outside) {
			tellSquadLeaders(userId, at, place);
		}
		return true;
	}

	private void tellSquadLeaders(String userId, Instant at, String place) {
		Directory people = this.directory.current();
		String unit = people.officer(userId).map(Officer::unit).orElse("");
		List<String> leaders = people.officers()
			.values()
			.stream()
			.filter((officer) -> officer.unit().equals(unit) && officer.roles().contains("squad-leader")
					&& !officer.userId().equals(userId))
			.map(Officer::userId)
			.sorted()
			.toList();
		if (leaders.isEmpty()) {
			return;
		}
		String time = at.atZone(this.zone).toLocalTime().withNano(0).toString();
		this.outbox.toUsers("duty:outside:" + userId + ":" + at.toEpochMilli(), leaders,
				new MessageContent("签到提醒", "【签到提醒】" + people.nameOf(userId) + " " + time + " 打卡位置在考勤范围外"
						+ ((place == null || place.isBlank()) ? "" : "（" + place + "）") + "，请核实。"));
		log.info("duty.outside told leaders={} unit={}", leaders.size(), unit);
	}

	/** Officers on duty today: those of the configured units, less those off duty. */
	public List<String> onDuty() {
		Set<String> units = Set.copyOf(this.properties.units());
		Set<String> off = Set.copyOf(this.properties.offDuty());
		return this.directory.current()
			.officers()
			.values()
			.stream()
			.filter((officer) -> units.isEmpty() ? officer.roles().contains("officer") : units.contains(officer.unit()))
			.map(Officer::userId)
			.filter((userId) -> !off.contains(userId))
			.sorted()
			.toList();
	}

	/** Whether the officer is on duty today. */
	public boolean isOnDuty(String userId) {
		return onDuty().contains(userId);
	}

	/** Officers who have checked in today (bureau time). */
	public Set<String> checkedInToday() {
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		Instant start = today.atStartOfDay(this.zone).toInstant();
		return Set.copyOf(this.jdbc.queryForList(
				"SELECT DISTINCT user_id FROM duty_checkin WHERE checked_at >= ? AND checked_at < ?", String.class,
				Timestamp.from(start), Timestamp.from(today.plusDays(1).atStartOfDay(this.zone).toInstant())));
	}

	/** On-duty officers who have not checked in today. */
	public List<String> missing() {
		Set<String> checkedIn = checkedInToday();
		return onDuty().stream().filter((userId) -> !checkedIn.contains(userId)).toList();
	}

	/** E.g. "今日签到（截至 09:40）：城关派出所 3/5；城东派出所 2/5。未签到：张伟、王芳". */
	public String summary() {
		Directory people = this.directory.current();
		Set<String> checkedIn = checkedInToday();
		Map<String, int[]> byUnit = new TreeMap<>();
		for (String userId : onDuty()) {
			int[] counts = byUnit.computeIfAbsent(people.officer(userId).map(Officer::unit).orElse("未知单位"),
					(unit) -> new int[2]);
			counts[1]++;
			if (checkedIn.contains(userId)) {
				counts[0]++;
			}
		}
		Map<String, String> lines = new LinkedHashMap<>();
		byUnit.forEach((unit, counts) -> lines.put(unit, unit + " " + counts[0] + "/" + counts[1]));
		String now = this.clock.instant().atZone(this.zone).toLocalTime().withSecond(0).withNano(0).toString();
		List<String> missing = missing().stream().map(people::nameOf).toList();
		return "今日签到（截至 " + now + "）：" + String.join("；", lines.values()) + "。"
				+ (missing.isEmpty() ? "在岗人员均已签到。" : "未签到：" + missing.stream().collect(Collectors.joining("、")));
	}

}
