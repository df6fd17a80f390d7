package io.jingling.reads;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What dispatchers see of reads: the one-paragraph answer to {@code 已读}, and an order's
 * per-recipient timeline (sent, read at, each escalation step and its outcome).
 */
@Component
public class ReadReports {

	private static final int NAMES_SHOWN = 20;

	private final JdbcTemplate jdbc;

	private final DirectoryStore directory;

	private final Clock clock;

	ReadReports(JdbcTemplate jdbc, DirectoryStore directory, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
	}

	/** E.g. "警令 JL-20261130-001 已读 27/31（发出 12 分钟），未读：张伟、王芳、李强、刘洋". */
	public Optional<String> readStatusOf(String code) {
		List<Order> orders = this.jdbc.query("SELECT recalled_at FROM dispatch_order WHERE code = ?",
				(rs, i) -> new Order((rs.getTimestamp(1) != null) ? rs.getTimestamp(1).toInstant() : null), code);
		if (orders.isEmpty()) {
			return Optional.empty();
		}
		Order order = orders.get(0);
		if (order.recalledAt() != null) {
			return Optional.of("警令 " + code + " 已撤回。");
		}
		List<Recipient> recipients = recipients(code);
		Timestamp sentAt = this.jdbc.queryForObject("SELECT MIN(sent_at) FROM tracked_message WHERE order_code = ?",
				Timestamp.class, code);
		if (sentAt == null) {
			return Optional.of("警令 " + code + " 尚未送达，稍后再查。");
		}
		Directory people = this.directory.current();
		List<String> unread = recipients.stream()
			.filter((r) -> r.readAt() == null)
			.map((r) -> people.nameOf(r.userId()))
			.toList();
		String since = EscalationTexts.elapsed(Duration.between(sentAt.toInstant(), this.clock.instant()));
		String head = "警令 " + code + " 已读 " + (recipients.size() - unread.size()) + "/" + recipients.size() + "（发出 "
				+ since + "）";
		if (unread.isEmpty()) {
			return Optional.of(head + "，全部已读。");
		}
		String names = String.join("、", unread.subList(0, Math.min(NAMES_SHOWN, unread.size())));
		String more = (unread.size() > NAMES_SHOWN) ? " 等 " + unread.size() + " 人" : "";
		return Optional.of(head + "，未读：" + names + more);
	}

	/**
	 * The order's timeline, for the API: per recipient the time it was sent, read and
	 * each escalation step with its outcome, and the read log.
	 */
	public Optional<Map<String, Object>> timeline(String code) {
		List<Map<String, Object>> order = this.jdbc.queryForList(
				"SELECT code, target_label, policy, posted_at, recalled_at FROM dispatch_order WHERE code = ?", code);
		if (order.isEmpty()) {
			return Optional.empty();
		}
		Directory people = this.directory.current();
		Map<String, Map<String, Object>> byRecipient = new LinkedHashMap<>();
		this.jdbc.query("SELECT r.user_id, m.sent_at, r.read_at FROM tracked_recipient r JOIN tracked_message m"
				+ " ON m.id = r.tracked_id WHERE m.order_code = ? ORDER BY r.user_id", (rs) -> {
					Map<String, Object> recipient = new LinkedHashMap<>();
					recipient.put("userId", rs.getString(1));
					recipient.put("name", people.nameOf(rs.getString(1)));
					recipient.put("unit", people.officer(rs.getString(1)).map((o) -> o.unit()).orElse(""));
					recipient.put("sentAt", rs.getTimestamp(2).toInstant().toString());
					recipient.put("readAt",
							(rs.getTimestamp(3) != null) ? rs.getTimestamp(3).toInstant().toString() : null);
					recipient.put("escalations", new ArrayList<Map<String, Object>>());
					byRecipient.put(rs.getString(1), recipient);
				}, code);
		this.jdbc.query("SELECT user_id, step, action, taken_at, outcome FROM escalation_action WHERE order_code = ?"
				+ " ORDER BY step", (rs) -> {
					Map<String, Object> recipient = byRecipient.get(rs.getString(1));
					if (recipient != null) {
						Map<String, Object> step = new LinkedHashMap<>();
						step.put("step", rs.getInt(2));
						step.put("action", StepAction.valueOf(rs.getString(3)).label());
						step.put("at", rs.getTimestamp(4).toInstant().toString());
						step.put("outcome", rs.getString(5));
						@SuppressWarnings("unchecked")
						List<Map<String, Object>> steps = (List<Map<String, Object>>) recipient.get("escalations");
						steps.add(step);
					}
				}, code);
		List<Map<String, Object>> log = new ArrayList<>();
		this.jdbc.query("SELECT s.taken_at, s.read_count, s.target_count FROM read_snapshot s JOIN tracked_message m"
				+ " ON m.id = s.tracked_id WHERE m.order_code = ? ORDER BY s.taken_at, s.id", (rs) -> {
					Map<String, Object> snapshot = new LinkedHashMap<>();
					snapshot.put("at", rs.getTimestamp(1).toInstant().toString());
					snapshot.put("read", rs.getInt(2));
					snapshot.put("targets", rs.getInt(3));
					log.add(snapshot);
				}, code);
		Map<String, Object> timeline = new LinkedHashMap<>();
		Map<String, Object> row = order.get(0);
		timeline.put("code", code);
		timeline.put("target", row.get("TARGET_LABEL"));
		timeline.put("policy", row.get("POLICY"));
		timeline.put("recalled", row.get("RECALLED_AT") != null);
		timeline.put("recipients", List.copyOf(byRecipient.values()));
		timeline.put("readLog", log);
		return Optional.of(timeline);
	}

	private List<Recipient> recipients(String code) {
		return this.jdbc.query(
				"SELECT r.user_id, MAX(r.read_at) FROM tracked_recipient r JOIN tracked_message m"
						+ " ON m.id = r.tracked_id WHERE m.order_code = ? AND m.status <> 'RECALLED' GROUP BY r.user_id"
						+ " ORDER BY r.user_id",
				(rs, i) -> new Recipient(rs.getString(1),
						(rs.getTimestamp(2) != null) ? rs.getTimestamp(2).toInstant() : null),
				code);
	}

	private record Order(Instant recalledAt) {
	}

	private record Recipient(String userId, Instant readAt) {
	}

}
