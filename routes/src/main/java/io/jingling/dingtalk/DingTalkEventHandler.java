package io.jingling.dingtalk;

import java.sql.Timestamp;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingling.approval.Approvals;
import io.jingling.connectors.dingtalk.events.DingTalkEvent;
import io.jingling.connectors.dingtalk.events.DingTalkEvents;
import io.jingling.duty.DutyBoard;
import io.jingling.inbound.Inbox;
import io.jingling.inbound.InboxEntry;
import io.jingling.inbound.InboxHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns a stored DingTalk event into its effect, inside the inbox transaction: approvals
 * decide held assist requests, check-ins and attendance punches go on the duty board, and
 * {@code robot_msg_read} marks a tracked order read at once instead of at the next poll.
 * Other events are logged by type and left alone.
 */
@Component
class DingTalkEventHandler implements InboxHandler {

	private static final Logger log = LoggerFactory.getLogger(DingTalkEventHandler.class);

	private final Inbox inbox;

	private final Approvals approvals;

	private final DutyBoard duty;

	private final JdbcTemplate jdbc;

	DingTalkEventHandler(Inbox inbox, Approvals approvals, DutyBoard duty, JdbcTemplate jdbc) {
		this.inbox = inbox;
		this.approvals = approvals;
		this.duty = duty;
		this.jdbc = jdbc;
	}

	@Override
	public String eventType() {
		return EventCallbackRoutes.TYPE;
	}

	@Override
	public boolean transactional() {
		return true;
	}

	@Override
	public void handle(InboxEntry entry) {
		DingTalkEvent event = DingTalkEvents.fromHttp(this.inbox.payload(entry, JsonNode.class).toString());
		switch (event.eventType()) {
			case "bpms_instance_change" -> this.approvals.instanceChanged(event);
			case "bpms_task_change" -> this.approvals.taskChanged(event);
			case "attendance_check_record" -> attendance(event);
			case "check_in" -> this.duty.record(DingTalkEvents.text(event.data(), "staffId", "StaffId"),
					Instant.ofEpochMilli(DingTalkEvents.number(event.data(), "timeStamp", "TimeStamp")), "checkin", "",
					false);
			case "robot_msg_read" -> read(event);
			default -> log.info("dingtalk.event ignored type={} eventId={}", event.eventType(), event.eventId());
		}
	}

	private void attendance(DingTalkEvent event) {
		JsonNode punches = event.data().has("dataList") ? event.data().path("dataList") : event.data().path("DataList");
		for (JsonNode punch : punches) {
			this.duty.record(DingTalkEvents.text(punch, "userId", "UserId"),
					Instant.ofEpochMilli(DingTalkEvents.number(punch, "checkTime", "CheckTime")), "attendance",
					DingTalkEvents.text(punch, "address", "Address"),
					"Outside".equals(DingTalkEvents.text(punch, "locationResult", "LocationResult")));
		}
	}

	private void read(DingTalkEvent event) {
		String key = DingTalkEvents.text(event.data(), "ProcessQueryKey", "processQueryKey");
		String userId = DingTalkEvents.text(event.data(), "UserId", "userId");
		long at = DingTalkEvents.number(event.data(), "OperatTime", "operatTime");
		int marked = this.jdbc.update("UPDATE tracked_recipient SET read_at = ? WHERE user_id = ? AND read_at IS NULL"
				+ " AND tracked_id IN (SELECT id FROM tracked_message WHERE platform_ref = ? AND status = 'TRACKING')",
				Timestamp.from((at > 0) ? Instant.ofEpochMilli(at) : event.bornAt()), userId, key);
		log.info("dingtalk.event read marked={}", marked);
	}

}
