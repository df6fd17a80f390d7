package io.jingling.reads;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.outbox.Outbox;
import io.jingling.schedule.DueItem;
import io.jingling.schedule.DueWork;
import io.jingling.schedule.DueWorkHandler;
import io.jingling.support.HubProperties;
import io.jingling.worklog.WorkLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The daily digest to the command group at {@code jingling.reads.digest-at}: orders of
 * the last 24 hours still unread, and the slowest units by median time to read. Each
 * digest schedules the next day's; the first is scheduled when the hub starts.
 */
@Component
class DailyDigest implements DueWorkHandler {

	private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

	static final String DIGEST = "DIGEST";

	private static final int SLOWEST_UNITS = 3;

	private final JdbcTemplate jdbc;

	private final DueWork dueWork;

	private final Outbox outbox;

	private final DirectoryStore directory;

	private final ReadsProperties properties;

	private final HubProperties hub;

	private final Clock clock;

	private final WorkLogs workLogs;

	DailyDigest(JdbcTemplate jdbc, DueWork dueWork, Outbox outbox, DirectoryStore directory, ReadsProperties properties,
			HubProperties hub, Clock clock, WorkLogs workLogs) {
		this.workLogs = workLogs;
		this.jdbc = jdbc;
		this.dueWork = dueWork;
		this.outbox = outbox;
		this.directory = directory;
		this.properties = properties;
		this.hub = hub;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return DIGEST;
	}

	@EventListener(ApplicationReadyEvent.class)
	void scheduleFirst() {
		scheduleAfter(this.clock.instant());
	}

	private void scheduleAfter(Instant instant) {
		ZonedDateTime now = instant.atZone(this.hub.timeZone());
		ZonedDateTime at = now.toLocalDate().atTime(this.properties.digestAt()).atZone(this.hub.timeZone());
		if (!at.isAfter(now)) {
			at = at.plusDays(1);
		}
		this.dueWork.schedule(DIGEST, at.toLocalDate().toString(), 0, at.toInstant());
	}

	@Override
	public void run(List<DueItem> items) {
		Instant now = this.clock.instant();
		for (DueItem item : items) {
			this.directory.current()
				.commandGroupId()
				.ifPresentOrElse(
						(group) -> this.outbox.toGroup("digest:" + item.subject(), group,
								new MessageContent("警令日报", text(LocalDate.parse(item.subject()), now))),
						() -> log.warn("reads.digest skipped: no command group"));
		}
		scheduleAfter(now);
	}

	String text(LocalDate day, Instant now) {
		Directory people = this.directory.current();
		List<String> unread = new ArrayList<>();
		this.jdbc.query("SELECT m.order_code, COUNT(*), SUM(CASE WHEN r.read_at IS NULL THEN 1 ELSE 0 END)"
				+ " FROM tracked_message m JOIN tracked_recipient r ON r.tracked_id = m.id WHERE m.sent_at > ?"
				+ " AND m.status <> 'RECALLED' AND m.order_code IS NOT NULL GROUP BY m.order_code ORDER BY m.order_code",
				(rs) -> {
					if (rs.getInt(3) > 0) {
						unread
							.add("- " + rs.getString(1) + "：已读 " + (rs.getInt(2) - rs.getInt(3)) + "/" + rs.getInt(2));
					}
				}, Timestamp.from(now.minus(Duration.ofDays(1))));
		Map<String, List<Long>> secondsByUnit = new TreeMap<>();
		this.jdbc.query("SELECT r.user_id, m.sent_at, r.read_at FROM tracked_message m JOIN tracked_recipient r"
				+ " ON r.tracked_id = m.id WHERE m.sent_at > ? AND r.read_at IS NOT NULL AND m.order_code IS NOT NULL",
				(rs) -> {
					String unit = people.officer(rs.getString(1)).map((o) -> o.unit()).orElse("未知单位");
					secondsByUnit.computeIfAbsent(unit, (k) -> new ArrayList<>())
						.add(Duration.between(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant())
							.toSeconds());
				}, Timestamp.from(now.minus(Duration.ofDays(1))));
		List<Map.Entry<String, Long>> medians = new ArrayList<>();
		secondsByUnit.forEach((unit, seconds) -> medians.add(Map.entry(unit, median(seconds))));
		medians.sort(Map.Entry.<String, Long>comparingByValue().reversed());
		StringBuilder text = new StringBuilder("#### 警令日报 " + day + "\n");
		List<String> logs = this.workLogs.missingToday();
		if (!logs.isEmpty()) {
			text.append("日志：").append(String.join("；", logs)).append("\n");
		}
		text.append(unread.isEmpty() ? "近 24 小时的警令全部已读。\n" : "近 24 小时仍有人未读的警令：\n" + String.join("\n", unread) + "\n");
		if (!medians.isEmpty()) {
			text.append("\n阅读最慢的单位（中位用时）：");
			text.append(String.join("；", medians.stream()
				.limit(SLOWEST_UNITS)
				.map((entry) -> entry.getKey() + " " + EscalationTexts.elapsed(Duration.ofSeconds(entry.getValue())))
				.toList()));
		}
		return text.toString();
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

}
