package io.jingling.assist;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.wechat.client.GroupSendResult;
import io.jingling.connectors.wechat.client.WeChatErrors;
import io.jingling.connectors.wechat.client.WeComClient;
import io.jingling.directory.DirectoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * What became of a broadcast, per circle: tasks created in WeCom, owners who confirmed,
 * groups the message reached, and failures with WeCom's reason in Chinese.
 * {@link #poll()} asks WeCom for the send results of tasks not yet settled.
 */
@Component
public class BroadcastReach {

	private static final Logger log = LoggerFactory.getLogger(BroadcastReach.class);

	private final JdbcTemplate jdbc;

	private final WeComClient client;

	private final DirectoryStore directory;

	private final Clock clock;

	BroadcastReach(JdbcTemplate jdbc, WeComClient client, DirectoryStore directory, Clock clock) {
		this.jdbc = jdbc;
		this.client = client;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * Asks WeCom about every created task that still has unsent groups; returns the
	 * groups updated.
	 */
	public int poll() {
		int updated = 0;
		for (Map<String, Object> pending : this.jdbc.queryForList("SELECT DISTINCT assist_code, owner, circle_id"
				+ " FROM broadcast_group WHERE status IN ('PLANNED', 'UNSENT')")) {
			String code = (String) pending.get("ASSIST_CODE");
			String owner = (String) pending.get("OWNER");
			List<String> msgIds = this.jdbc.queryForList(
					"SELECT platform_ref FROM outbox WHERE action_key = ? AND recipient = ? AND status = 'SENT'",
					String.class, "broadcast:" + code, owner + ":" + pending.get("CIRCLE_ID"));
			for (String msgId : msgIds) {
				List<GroupSendResult> results;
				try {
					results = this.client.sendResults(msgId, owner);
				}
				catch (ConnectorException ex) {
					// one task WeCom cannot answer for must not hold up the others
					log.warn("assist.reach failed msgId={} code={}", msgId, ex.code());
					continue;
				}
				for (GroupSendResult result : results) {
					updated += this.jdbc.update(
							"UPDATE broadcast_group SET status = ?, sent_at = ? WHERE assist_code = ? AND chat_id = ?"
									+ " AND status <> ?",
							status(result.status()),
							(result.sendTime() == null) ? null : Timestamp.from(result.sendTime()), code,
							result.chatId(), status(result.status()));
				}
			}
		}
		if (updated > 0) {
			log.info("assist.reach updated groups={}", updated);
		}
		return updated;
	}

	/** One line per circle, e.g. "交通运输圈：任务 2/2 已创建，已确认 1 人，群 2/3 已发送". */
	List<String> describe(String code) {
		Map<String, int[]> groups = new LinkedHashMap<>();
		Map<String, Set<String>> confirmedOwners = new LinkedHashMap<>();
		this.jdbc.query("SELECT circle_id, owner, status FROM broadcast_group WHERE assist_code = ? ORDER BY circle_id",
				(RowCallbackHandler) (rs) -> {
					int[] counts = groups.computeIfAbsent(rs.getString(1), (k) -> new int[3]);
					counts[0]++;
					if ("SENT".equals(rs.getString(3))) {
						counts[1]++;
						confirmedOwners.computeIfAbsent(rs.getString(1), (k) -> new HashSet<>()).add(rs.getString(2));
					}
					else if ("FAILED".equals(rs.getString(3)) || "QUOTA".equals(rs.getString(3))) {
						counts[2]++;
					}
				}, code);
		List<String> lines = new ArrayList<>();
		groups.forEach((circle, counts) -> {
			int[] tasks = tasks(code, circle);
			String line = this.directory.current().circleName(circle) + "：任务 " + tasks[1] + "/" + tasks[0] + " 已创建，已确认 "
					+ confirmedOwners.getOrDefault(circle, Set.of()).size() + " 人，群 " + counts[1] + "/" + counts[0]
					+ " 已发送";
			List<String> failures = failures(code, circle);
			if (counts[2] > 0) {
				failures.add(counts[2] + " 个群未送达（非客户群或本期次数已用完）");
			}
			lines.add(failures.isEmpty() ? line : line + "；失败：" + String.join("；", failures));
		});
		return lines;
	}

	private int[] tasks(String code, String circle) {
		int[] tasks = new int[2];
		this.jdbc.query("SELECT status FROM outbox WHERE action_key = ? AND recipient LIKE ?",
				(RowCallbackHandler) (rs) -> {
					tasks[0]++;
					if ("SENT".equals(rs.getString(1))) {
						tasks[1]++;
					}
				}, "broadcast:" + code, "%:" + circle);
		return tasks;
	}

	/**
	 * Dead-lettered tasks with WeCom's reason, and tasks WeCom asked to wait, being
	 * retried.
	 */
	private List<String> failures(String code, String circle) {
		List<String> failures = new ArrayList<>();
		this.jdbc.query("SELECT o.status, COALESCE(d.code, o.last_error) FROM outbox o LEFT JOIN dead_letter d"
				+ " ON d.outbox_id = o.id WHERE o.action_key = ? AND o.recipient LIKE ? AND (o.status = 'DEAD'"
				+ " OR (o.status = 'NEW' AND o.last_error IS NOT NULL))", (RowCallbackHandler) (rs) -> {
					String line = ("DEAD".equals(rs.getString(1)) ? "" : "重试中：") + reason(rs.getString(2));
					if (!failures.contains(line)) {
						failures.add(line);
					}
				}, "broadcast:" + code, "%:" + circle);
		return failures;
	}

	private static String reason(String code) {
		try {
			return WeChatErrors.reason(Integer.parseInt(code));
		}
		catch (NumberFormatException ex) {
			return "企业微信返回错误 " + code;
		}
	}

	private static String status(int platformStatus) {
		return switch (platformStatus) {
			case 1 -> "SENT";
			case 2 -> "FAILED";
			case 3 -> "QUOTA";
			default -> "UNSENT";
		};
	}

}
