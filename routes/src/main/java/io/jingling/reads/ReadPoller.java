package io.jingling.reads;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jingling.connectors.dingtalk.client.DingTalkClient;
import io.jingling.connectors.dingtalk.client.DingTalkOffice;
import io.jingling.connectors.dingtalk.client.GroupReads;
import io.jingling.schedule.DueItem;
import io.jingling.schedule.DueWork;
import io.jingling.schedule.DueWorkHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Polls who has read a tracked message: one platform call a poll (a group message's
 * readers, or a work notification's read list), one snapshot in the read log a poll (a
 * poll right after an escalation step's re-read uses that snapshot instead), and the next
 * poll scheduled on the backoff schedule until everyone has read or the platform's read
 * window closes.
 */
@Component
class ReadPoller implements DueWorkHandler {

	private static final Logger log = LoggerFactory.getLogger(ReadPoller.class);

	/** A snapshot this fresh is used as it is instead of asking the platform again. */
	private static final Duration FRESH = Duration.ofSeconds(30);

	private final JdbcTemplate jdbc;

	private final DingTalkClient dingTalk;

	private final DueWork dueWork;

	private final ReadsProperties properties;

	private final ReadTracking tracking;

	private final ReadMetrics metrics;

	private final Clock clock;

	private final DingTalkOffice office;

	ReadPoller(JdbcTemplate jdbc, DingTalkClient dingTalk, DingTalkOffice office, DueWork dueWork,
			ReadsProperties properties, ReadTracking tracking, ReadMetrics metrics, Clock clock) {
		this.office = office;
		this.jdbc = jdbc;
		this.dingTalk = dingTalk;
		this.dueWork = dueWork;
		this.properties = properties;
		this.tracking = tracking;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return ReadTracking.POLL;
	}

	@Override
	public void run(List<DueItem> items) {
		DueWorkHandler.each(items, (item) -> poll(Long.parseLong(item.subject()), item.step()));
	}

	private void poll(long trackedId, int step) {
		Tracked tracked = tracked(trackedId);
		if (tracked == null || !"TRACKING".equals(tracked.status())) {
			return;
		}
		Instant now = this.clock.instant();
		int unread = fresh(trackedId, now) ? unread(trackedId).size() : read(tracked, now);
		if (unread == 0) {
			this.jdbc.update("UPDATE tracked_message SET status = 'ALL_READ' WHERE id = ?", trackedId);
			this.tracking.stopEscalationIfAllRead(tracked.orderCode());
			log.info("reads.poll all-read code={} trackedId={}", tracked.orderCode(), trackedId);
		}
		else if (!now.isBefore(tracked.readableUntil())) {
			this.jdbc.update("UPDATE tracked_message SET status = 'EXPIRED' WHERE id = ?", trackedId);
			log.info("reads.poll window-closed code={} trackedId={} unread={}", tracked.orderCode(), trackedId, unread);
		}
		else {
			Instant next = tracked.sentAt()
				.plus(this.properties.nextPollAfter(Duration.between(tracked.sentAt(), now)));
			this.dueWork.schedule(ReadTracking.POLL, String.valueOf(trackedId), step + 1,
					next.isAfter(tracked.readableUntil()) ? tracked.readableUntil() : next);
		}
	}

	/**
	 * Brings the message's reads up to date, unless a snapshot was taken moments ago, and
	 * returns how many targets have not read it.
	 */
	int refresh(long trackedId) {
		Tracked tracked = tracked(trackedId);
		Instant now = this.clock.instant();
		return fresh(trackedId, now) ? unread(trackedId).size() : read(tracked, now);
	}

	/** Whether the read log has a snapshot of the message from moments ago. */
	private boolean fresh(long trackedId, Instant now) {
		Timestamp last = this.jdbc.queryForObject("SELECT MAX(taken_at) FROM read_snapshot WHERE tracked_id = ?",
				Timestamp.class, trackedId);
		return last != null && last.toInstant().plus(FRESH).isAfter(now);
	}

	private int read(Tracked tracked, Instant now) {
		Set<String> readers = readers(tracked);
		Map<String, String> units = new HashMap<>();
		this.jdbc.query("SELECT user_id, unit FROM officer", (rs) -> {
			units.put(rs.getString(1), rs.getString(2));
		});
		int newlyRead = 0;
		for (String userId : readers) {
			if (this.jdbc.update("UPDATE tracked_recipient SET read_at = ? WHERE tracked_id = ? AND user_id = ?"
					+ " AND read_at IS NULL", Timestamp.from(now), tracked.id(), userId) == 1) {
				newlyRead++;
				this.metrics.read(units.getOrDefault(userId, "未知单位"), Duration.between(tracked.sentAt(), now));
			}
		}
		List<String> unread = unread(tracked.id());
		int targets = this.jdbc.queryForObject("SELECT COUNT(*) FROM tracked_recipient WHERE tracked_id = ?",
				Integer.class, tracked.id());
		this.jdbc.update(
				"INSERT INTO read_snapshot (tracked_id, taken_at, read_count, target_count, unread_ids)"
						+ " VALUES (?, ?, ?, ?, ?)",
				tracked.id(), Timestamp.from(now), targets - unread.size(), targets, String.join(",", unread));
		log.info("reads.poll code={} trackedId={} read={}/{} newlyRead={}", tracked.orderCode(), tracked.id(),
				targets - unread.size(), targets, newlyRead);
		return unread.size();
	}

	private Set<String> readers(Tracked tracked) {
		if (TrackedKind.GROUP.name().equals(tracked.kind())) {
			GroupReads reads = this.dingTalk.groupReads(tracked.openConversationId(), tracked.platformRef());
			return reads.readUserIds();
		}
		if (TrackedKind.REPORT.name().equals(tracked.kind())) {
			return this.office.reportReaders(tracked.platformRef());
		}
		return this.dingTalk.workNoticeResult(Long.parseLong(tracked.platformRef())).read();
	}

	private List<String> unread(long trackedId) {
		return this.jdbc.queryForList(
				"SELECT user_id FROM tracked_recipient WHERE tracked_id = ? AND read_at IS NULL ORDER BY user_id",
				String.class, trackedId);
	}

	private Tracked tracked(long id) {
		List<Tracked> found = this.jdbc.query(
				"SELECT id, order_code, kind, open_conversation_id, platform_ref, sent_at, readable_until, status"
						+ " FROM tracked_message WHERE id = ?",
				(rs, i) -> new Tracked(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
						rs.getString(8)),
				id);
		return found.isEmpty() ? null : found.get(0);
	}

	private record Tracked(long id, String orderCode, String kind, String openConversationId, String platformRef,
			Instant sentAt, Instant readableUntil, String status) {
	}

}
