package io.jingling.reads;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.jingling.bots.engine.Officer;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.dingtalk.client.DingTalkClient;
import io.jingling.connectors.dingtalk.client.Recall;
import io.jingling.connectors.dingtalk.client.SentMessage;
import io.jingling.connectors.dingtalk.client.WorkNoticeSent;
import io.jingling.directory.DirectoryStore;
import io.jingling.outbox.DeliveryListener;
import io.jingling.outbox.Outbox;
import io.jingling.schedule.DueWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts tracking an order's message when the platform has taken it: fixes its targets (a
 * group's members as DingTalk lists them now, less whoever posted the order; a work
 * notification's recipients), and schedules the first read poll and every step of the
 * order's escalation policy.
 */
@Component
public class ReadTracking implements DeliveryListener {

	private static final Logger log = LoggerFactory.getLogger(ReadTracking.class);

	static final String POLL = "POLL";

	static final String ESCALATE = "ESCALATE";

	private static final Pattern ORDER_KEY = Pattern.compile("order:(JL-\\d{8}-\\d{3})");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final DueWork dueWork;

	private final DingTalkClient dingTalk;

	private final DirectoryStore directory;

	private final ReadsProperties properties;

	private final OrderPolicies orderPolicies;

	private final Outbox outbox;

	private final ReadMetrics metrics;

	ReadTracking(JdbcTemplate jdbc, TransactionTemplate transaction, DueWork dueWork, DingTalkClient dingTalk,
			DirectoryStore directory, ReadsProperties properties, OrderPolicies orderPolicies, Outbox outbox,
			ReadMetrics metrics) {
		this.metrics = metrics;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.dueWork = dueWork;
		this.dingTalk = dingTalk;
		this.directory = directory;
		this.properties = properties;
		this.orderPolicies = orderPolicies;
		this.outbox = outbox;
	}

	@Override
	public void sent(List<DeliveredRow> rows, Object result, Instant at) {
		if (rows.isEmpty()) {
			return;
		}
		var matcher = ORDER_KEY.matcher(rows.get(0).actionKey());
		if (!matcher.matches()) {
			return;
		}
		String code = matcher.group(1);
		if (result instanceof SentMessage sent && "GROUP".equals(rows.get(0).operation())) {
			for (DeliveredRow row : rows) {
				start(code, row.id(), TrackedKind.GROUP, row.openConversationId(), sent.processQueryKey(),
						groupTargets(code, row.openConversationId()), at, this.properties.groupWindow());
			}
		}
		else if (result instanceof WorkNoticeSent notice) {
			start(code, rows.get(0).id(), TrackedKind.WORK_NOTICE, null, String.valueOf(notice.taskId()),
					rows.stream().map(DeliveredRow::userId).toList(), at, this.properties.noticeWindow());
		}
	}

	/**
	 * The group's members now, as DingTalk lists them (the robot is not a user), less the
	 * officer who posted the order; the directory's list when DingTalk cannot be asked.
	 */
	private List<String> groupTargets(String code, String openConversationId) {
		String postedBy = this.jdbc.queryForObject("SELECT posted_by FROM dispatch_order WHERE code = ?", String.class,
				code);
		List<String> members;
		try {
			members = this.dingTalk.groupMembers(openConversationId);
		}
		catch (ConnectorException ex) {
			log.warn("reads.targets fallback code={} error={}: the directory's members are used", code, ex.code());
			members = List.copyOf(this.directory.current().membersOf(openConversationId));
		}
		return members.stream().distinct().filter((userId) -> !userId.equals(postedBy)).sorted().toList();
	}

	private void start(String code, long outboxId, TrackedKind kind, String openConversationId, String platformRef,
			List<String> targets, Instant sentAt, Duration window) {
		this.transaction.executeWithoutResult((status) -> {
			long id = insert(code, outboxId, kind, openConversationId, platformRef, sentAt, window);
			this.jdbc.batchUpdate("INSERT INTO tracked_recipient (tracked_id, user_id) VALUES (?, ?)",
					targets.stream().map((userId) -> new Object[] { id, userId }).toList());
			this.dueWork.schedule(POLL, String.valueOf(id), 1,
					sentAt.plus(this.properties.nextPollAfter(Duration.ZERO)));
			this.orderPolicies.of(code).ifPresent((policy) -> {
				for (int i = 0; i < policy.steps().size(); i++) {
					this.dueWork.schedule(ESCALATE, code, i + 1, sentAt.plus(policy.steps().get(i).after()));
				}
			});
			log.info("reads.track started code={} trackedId={} kind={} targets={}", code, id, kind, targets.size());
		});
		var people = this.directory.current();
		targets.stream()
			.collect(Collectors.groupingBy((userId) -> people.officer(userId).map(Officer::unit).orElse("未知单位"),
					Collectors.counting()))
			.forEach((unit, count) -> this.metrics.targets(unit, count.intValue()));
	}

	/**
	 * Tracks who of its receivers has read a shared log, polled like an order; logs are
	 * not escalated.
	 */
	public void trackLog(String reportId, Instant createdAt, List<String> receivers) {
		this.transaction.executeWithoutResult((status) -> {
			long id = insert(null, null, TrackedKind.REPORT, null, reportId, createdAt, this.properties.groupWindow());
			this.jdbc.update("UPDATE tracked_message SET log_id = ? WHERE id = ?", reportId, id);
			this.jdbc.batchUpdate("INSERT INTO tracked_recipient (tracked_id, user_id) VALUES (?, ?)",
					receivers.stream().distinct().map((userId) -> new Object[] { id, userId }).toList());
			this.dueWork.schedule(POLL, String.valueOf(id), 1,
					createdAt.plus(this.properties.nextPollAfter(Duration.ZERO)));
		});
		log.info("reads.track started log receivers={}", receivers.size());
	}

	private long insert(String code, Long outboxId, TrackedKind kind, String openConversationId, String platformRef,
			Instant sentAt, Duration window) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO tracked_message (order_code, outbox_id, kind, open_conversation_id, platform_ref,"
							+ " sent_at, readable_until, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'TRACKING')",
					new String[] { "id" });
			insert.setString(1, code);
			insert.setObject(2, outboxId, Types.BIGINT);
			insert.setString(3, kind.name());
			insert.setString(4, openConversationId);
			insert.setString(5, platformRef);
			insert.setTimestamp(6, Timestamp.from(sentAt));
			insert.setTimestamp(7, Timestamp.from(sentAt.plus(window)));
			return insert;
		}, keys);
		return keys.getKey().longValue();
	}

	/**
	 * Recalls the order's tracked messages (the platform takes them back through the
	 * outbox) and stops their polls and escalation; returns how many messages.
	 */
	public int recall(String code) {
		List<Map<String, Object>> tracked = this.jdbc.queryForList(
				"SELECT id, kind, open_conversation_id, platform_ref FROM tracked_message WHERE order_code = ?"
						+ " AND status <> 'RECALLED'",
				code);
		for (Map<String, Object> message : tracked) {
			long id = ((Number) message.get("ID")).longValue();
			String ref = (String) message.get("PLATFORM_REF");
			Recall recall = TrackedKind.GROUP.name().equals(message.get("KIND"))
					? Recall.group((String) message.get("OPEN_CONVERSATION_ID"), ref)
					: Recall.workNotice(Long.parseLong(ref));
			this.outbox.recall("recall:" + code, "tracked:" + id, recall);
			this.jdbc.update("UPDATE tracked_message SET status = 'RECALLED' WHERE id = ?", id);
			this.dueWork.cancel(POLL, String.valueOf(id));
		}
		this.dueWork.cancel(ESCALATE, code);
		return tracked.size();
	}

	/** Tracked messages of the order still being polled. */
	List<Long> tracking(String code) {
		return this.jdbc.queryForList(
				"SELECT id FROM tracked_message WHERE order_code = ? AND status = 'TRACKING' ORDER BY id", Long.class,
				code);
	}

	/** Stops the order's escalation once none of its messages is still unread. */
	void stopEscalationIfAllRead(String code) {
		if (code == null) {
			return;
		}
		Integer unread = this.jdbc.queryForObject("SELECT COUNT(*) FROM tracked_recipient r JOIN tracked_message m"
				+ " ON m.id = r.tracked_id WHERE m.order_code = ? AND m.status <> 'RECALLED' AND r.read_at IS NULL",
				Integer.class, code);
		if (unread == 0 && this.dueWork.cancel(ESCALATE, code) > 0) {
			log.info("reads.escalation stopped code={}: everyone has read", code);
		}
	}

}
