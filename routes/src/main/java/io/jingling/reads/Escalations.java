package io.jingling.reads;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jingling.connectors.dingtalk.client.DingKind;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.directory.DirectoryStore;
import io.jingling.duty.DutyBoard;
import io.jingling.outbox.DeliveryListener;
import io.jingling.outbox.Outbox;
import io.jingling.outbox.SmsFrequency;
import io.jingling.outbox.SmsPlan;
import io.jingling.schedule.DueItem;
import io.jingling.schedule.DueWork;
import io.jingling.schedule.DueWorkHandler;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs escalation steps. A step first brings the order's reads up to date, then acts on
 * the officers still unread whom this step has not reached yet (the database key makes a
 * second time impossible): a DING in the app or by SMS, an Aliyun SMS, or a report to the
 * dispatcher naming who is still unread and what was done. Outcomes come back from the
 * outbox; a DING the tenant cannot send becomes an Aliyun SMS, and the report says so.
 */
@Component
class Escalations implements DueWorkHandler, DeliveryListener {

	private static final Logger log = LoggerFactory.getLogger(Escalations.class);

	private static final Pattern STEP_KEY = Pattern.compile("esc:(JL-\\d{8}-\\d{3}):(\\d+)(:sms)?");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final EscalationPolicies policies;

	private final ReadTracking tracking;

	private final ReadPoller poller;

	private final Outbox outbox;

	private final SmsFrequency sms;

	private final DueWork dueWork;

	private final DirectoryStore directory;

	private final Clock clock;

	private final HubProperties hub;

	private final DutyBoard duty;

	private final OrderPolicies orderPolicies;

	Escalations(JdbcTemplate jdbc, TransactionTemplate transaction, EscalationPolicies policies, ReadTracking tracking,
			ReadPoller poller, Outbox outbox, SmsFrequency sms, DueWork dueWork, DirectoryStore directory, Clock clock,
			HubProperties hub, DutyBoard duty, OrderPolicies orderPolicies) {
		this.duty = duty;
		this.orderPolicies = orderPolicies;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.policies = policies;
		this.tracking = tracking;
		this.poller = poller;
		this.outbox = outbox;
		this.sms = sms;
		this.dueWork = dueWork;
		this.directory = directory;
		this.clock = clock;
		this.hub = hub;
	}

	@Override
	public String kind() {
		return ReadTracking.ESCALATE;
	}

	@Override
	public void run(List<DueItem> items) {
		DueWorkHandler.each(items, this::step);
	}

	private void step(DueItem item) {
		String code = item.subject();
		Order order = this.jdbc.queryForObject(
				"SELECT policy, report_to, recalled_at, posted_at FROM dispatch_order WHERE code = ?",
				(rs, i) -> new Order(rs.getString(1), rs.getString(2), rs.getTimestamp(3) != null,
						rs.getTimestamp(4).toInstant()),
				code);
		if (order.recalled()) {
			return;
		}
		Optional<EscalationPolicy.Step> found = this.orderPolicies.of(code)
			.filter((policy) -> item.step() <= policy.steps().size())
			.map((policy) -> policy.steps().get(item.step() - 1));
		if (found.isEmpty()) {
			log.warn("reads.escalate skipped code={} step={}: the policy no longer has this step", code, item.step());
			return;
		}
		EscalationPolicy.Step step = found.get();
		Instant now = this.clock.instant();
		Instant until = this.policies.inForce().runsAt(now, step, this.hub.timeZone());
		if (until.isAfter(now)) {
			this.dueWork.postpone(item, until);
			log.info("reads.escalate deferred code={} step={} until={}", code, item.step(), until);
			return;
		}
		this.tracking.tracking(code).forEach(this.poller::refresh);
		List<String> stillUnread = this.jdbc.queryForList("SELECT DISTINCT r.user_id FROM tracked_recipient r"
				+ " JOIN tracked_message m ON m.id = r.tracked_id WHERE m.order_code = ? AND m.status <> 'RECALLED'"
				+ " AND r.read_at IS NULL AND NOT EXISTS (SELECT 1 FROM escalation_action e WHERE e.order_code = ?"
				+ " AND e.step = ? AND e.user_id = r.user_id) ORDER BY r.user_id", String.class, code, code,
				item.step());
		List<String> unread = step.onDutyOnly() ? stillUnread.stream().filter(this.duty::isOnDuty).toList()
				: stillUnread;
		if (unread.isEmpty()) {
			log.info("reads.escalate nobody-unread code={} step={}", code, item.step());
			return;
		}
		this.transaction.executeWithoutResult((status) -> act(code, item.step(), step, unread, order.reportTo(),
				Duration.between(order.postedAt(), now), now));
		log.info("reads.escalate done code={} step={} action={} officers={}", code, item.step(), step.action(),
				unread.size());
	}

	private void act(String code, int stepNo, EscalationPolicy.Step step, List<String> unread, String reportTo,
			Duration sinceSent, Instant now) {
		String key = "esc:" + code + ":" + stepNo;
		switch (step.action()) {
			case DING, DING_SMS, DING_CALL -> {
				unread.forEach((userId) -> record(code, stepNo, userId, step.action(), "QUEUED", now));
				this.outbox.ding(key, unread, EscalationTexts.ding(code, sinceSent), dingKind(step.action()));
			}
			case SMS -> unread.forEach((userId) -> record(code, stepNo, userId, step.action(),
					queueSms(key, code, userId) ? "QUEUED" : "NO_PHONE", now));
			case REPORT -> {
				unread.forEach((userId) -> record(code, stepNo, userId, step.action(), "REPORTED", now));
				if (reportTo == null) {
					log.warn("reads.escalate report-skipped code={}: no group to report to", code);
					return;
				}
				var people = this.directory.current();
				this.outbox.toGroup(key, reportTo, new MessageContent("警令未读", EscalationTexts.report(code, sinceSent,
						targets(code), unread.stream().map(people::nameOf).toList(), stepsTaken(code, stepNo))));
			}
		}
	}

	private static DingKind dingKind(StepAction action) {
		return switch (action) {
			case DING_SMS -> DingKind.SMS;
			case DING_CALL -> DingKind.CALL;
			default -> DingKind.APP;
		};
	}

	private int targets(String code) {
		return this.jdbc.queryForObject("SELECT COUNT(DISTINCT r.user_id) FROM tracked_recipient r"
				+ " JOIN tracked_message m ON m.id = r.tracked_id WHERE m.order_code = ? AND m.status <> 'RECALLED'",
				Integer.class, code);
	}

	private List<EscalationTexts.StepTaken> stepsTaken(String code, int before) {
		return this.jdbc.query(
				"SELECT step, action, outcome, COUNT(*) FROM escalation_action WHERE order_code = ? AND step < ?"
						+ " GROUP BY step, action, outcome ORDER BY step, outcome",
				(rs, i) -> new EscalationTexts.StepTaken(rs.getInt(1), StepAction.valueOf(rs.getString(2)),
						rs.getString(3), rs.getInt(4)),
				code, before);
	}

	private boolean queueSms(String actionKey, String code, String userId) {
		String phone = phoneOf(userId);
		if (phone == null) {
			return false;
		}
		SmsPlan plan = new SmsPlan(phone, this.policies.smsTemplate().code(), Map.of("code", code), userId);
		this.outbox.sms(actionKey, this.sms.phoneKey(phone), plan);
		return true;
	}

	private String phoneOf(String userId) {
		List<String> phones = this.jdbc.queryForList("SELECT phone FROM officer WHERE user_id = ?", String.class,
				userId);
		return (phones.isEmpty() || phones.get(0) == null || phones.get(0).isBlank()) ? null : phones.get(0);
	}

	private void record(String code, int step, String userId, StepAction action, String outcome, Instant now) {
		this.jdbc.update(
				"INSERT INTO escalation_action (order_code, step, user_id, action, taken_at, outcome)"
						+ " VALUES (?, ?, ?, ?, ?, ?)",
				code, step, userId, action.name(), Timestamp.from(now), outcome);
	}

	private void outcome(DeliveredRow row, String outcome) {
		Matcher key = STEP_KEY.matcher(row.actionKey());
		String userId = (row.sms() != null) ? row.sms().recipientId() : row.userId();
		if (key.matches() && userId != null) {
			this.jdbc.update(
					"UPDATE escalation_action SET outcome = ? WHERE order_code = ? AND step = ? AND user_id = ?",
					outcome, key.group(1), Integer.parseInt(key.group(2)), userId);
		}
	}

	@Override
	public void sent(List<DeliveredRow> rows, Object result, Instant at) {
		rows.forEach((row) -> outcome(row, row.actionKey().endsWith(":sms") ? "FALLBACK_SMS_SENT" : "SENT"));
	}

	@Override
	public void dead(DeliveredRow row, String code, Instant at) {
		outcome(row, "FAILED");
	}

	@Override
	public boolean dingUnavailable(DeliveredRow row, String code, Instant at) {
		Matcher key = STEP_KEY.matcher(row.actionKey());
		if (!key.matches() || row.userId() == null) {
			return false;
		}
		boolean queued = queueSms(row.actionKey() + ":sms", key.group(1), row.userId());
		outcome(row, queued ? "FALLBACK_SMS" : "FALLBACK_MESSAGE");
		return queued;
	}

	private record Order(String policy, String reportTo, boolean recalled, Instant postedAt) {
	}

}
