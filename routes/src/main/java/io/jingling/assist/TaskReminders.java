package io.jingling.assist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.jingling.alerts.OpsAlerts;
import io.jingling.directory.DirectoryStore;
import io.jingling.directory.Liaison;
import io.jingling.outbox.Outbox;
import io.jingling.sms.InformantSms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A broadcast reaches nobody until its owner confirms the WeCom task, so an owner who has
 * not confirmed after {@code jingling.wecom.remind-after} is reminded in WeCom and DINGed
 * in DingTalk, again after the same interval, at most three times in 24 hours (WeCom's
 * limit).
 */
@Component
public class TaskReminders {

	private static final Logger log = LoggerFactory.getLogger(TaskReminders.class);

	static final int PER_DAY = 3;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Outbox outbox;

	private final DirectoryStore directory;

	private final Clock clock;

	private final Duration remindAfter;

	private final InformantSms informantSms;

	private final OpsAlerts alerts;

	TaskReminders(JdbcTemplate jdbc, TransactionTemplate transaction, Outbox outbox, DirectoryStore directory,
			Clock clock, @Value("${jingling.wecom.remind-after:30m}") Duration remindAfter, InformantSms informantSms,
			OpsAlerts alerts) {
		this.alerts = alerts;
		this.informantSms = informantSms;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.outbox = outbox;
		this.directory = directory;
		this.clock = clock;
		this.remindAfter = remindAfter;
	}

	/** Reminds every owner whose task is due for it; returns how many were reminded. */
	public int remindDue() {
		Instant now = this.clock.instant();
		Timestamp dueBefore = Timestamp.from(now.minus(this.remindAfter));
		int reminded = 0;
		for (Map<String, Object> task : this.jdbc.queryForList("SELECT g.assist_code, g.owner, g.circle_id,"
				+ " COUNT(*) AS chats FROM broadcast_group g JOIN assist_request a ON a.code = g.assist_code"
				+ " WHERE a.status IN ('BROADCAST', 'COLLECTING') AND a.valid_until > ?"
				+ " GROUP BY g.assist_code, g.owner, g.circle_id"
				+ " HAVING SUM(CASE WHEN g.status = 'SENT' THEN 1 ELSE 0 END) = 0", Timestamp.from(now))) {
			String code = (String) task.get("ASSIST_CODE");
			String owner = (String) task.get("OWNER");
			String circle = (String) task.get("CIRCLE_ID");
			List<String> msgIds = this.jdbc.queryForList(
					"SELECT platform_ref FROM outbox WHERE action_key = ?"
							+ " AND recipient = ? AND status = 'SENT' AND sent_at < ?",
					String.class, "broadcast:" + code, owner + ":" + circle, dueBefore);
			if (msgIds.isEmpty()) {
				continue;
			}
			if (exhausted(code, owner, circle, now)) {
				unconfirmed(code, owner, circle, ((Number) task.get("CHATS")).intValue());
				continue;
			}
			if (!due(code, owner, circle, now)) {
				continue;
			}
			int chats = ((Number) task.get("CHATS")).intValue();
			this.transaction.executeWithoutResult((status) -> remind(code, owner, circle, msgIds.get(0), chats, now));
			reminded++;
		}
		return reminded;
	}

	/**
	 * Every reminder WeCom allows in 24 hours was sent, and the last one went unheeded.
	 */
	private boolean exhausted(String code, String owner, String circle, Instant now) {
		List<Timestamp> earlier = reminders(code, owner, circle, now);
		return earlier.size() >= PER_DAY && earlier.get(0).toInstant().plus(this.remindAfter).isBefore(now);
	}

	private void unconfirmed(String code, String owner, String circle, int chats) {
		Liaison liaison = this.directory.current().liaisons().get(owner);
		String who = (liaison != null && liaison.dingtalkUserId() != null)
				? this.directory.current().nameOf(liaison.dingtalkUserId()) : "联络员";
		this.alerts.raise(OpsAlerts.Signal.WECOM_TASK, code + ":" + circle,
				"协查 " + code + " 在「" + this.directory.current().circleName(circle) + "」的企业微信群发任务（" + chats + " 个群，负责人 "
						+ who + "）提醒 " + PER_DAY + " 次后仍未确认，线人还没收到。请联系负责人，或改由其他联络员发送。");
	}

	private List<Timestamp> reminders(String code, String owner, String circle, Instant now) {
		return this.jdbc.queryForList("SELECT reminded_at FROM broadcast_reminder WHERE"
				+ " assist_code = ? AND owner = ? AND circle_id = ? AND reminded_at > ? ORDER BY reminded_at DESC",
				Timestamp.class, code, owner, circle, Timestamp.from(now.minus(Duration.ofHours(24))));
	}

	private boolean due(String code, String owner, String circle, Instant now) {
		List<Timestamp> earlier = reminders(code, owner, circle, now);
		return earlier.size() < PER_DAY
				&& (earlier.isEmpty() || earlier.get(0).toInstant().plus(this.remindAfter).isBefore(now));
	}

	private void remind(String code, String owner, String circle, String msgId, int chats, Instant now) {
		int number = 1 + this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM broadcast_reminder WHERE assist_code = ?" + " AND owner = ? AND circle_id = ?",
				Integer.class, code, owner, circle);
		String key = "remind:" + code + ":" + owner + ":" + circle + ":" + number;
		this.jdbc.update(
				"INSERT INTO broadcast_reminder (assist_code, owner, circle_id, reminded_at)" + " VALUES (?, ?, ?, ?)",
				code, owner, circle, Timestamp.from(now));
		this.outbox.remindOwner(key, owner + ":" + circle, msgId);
		Liaison liaison = this.directory.current().liaisons().get(owner);
		if (liaison != null && liaison.dingtalkUserId() != null) {
			this.outbox.ding(key, liaison.dingtalkUserId(),
					"协查 " + code + " 的企业微信群发任务还在等您确认（" + chats + " 个群），请打开企业微信「客户联系」确认发送。");
		}
		if (number == 1) {
			smsFallback(code, owner, circle);
		}
		log.info("assist.remind owner={} assist={} circle={} number={}", owner, code, circle, number);
	}

	/**
	 * An urgent request whose task is still unconfirmed at the first reminder also goes
	 * by SMS to the members of that task's groups who consented to SMS and have not opted
	 * out.
	 */
	private void smsFallback(String code, String owner, String circle) {
		if (!this.jdbc.queryForObject("SELECT urgent FROM assist_request WHERE code = ?", Boolean.class, code)) {
			return;
		}
		List<Long> members = this.jdbc.queryForList("SELECT DISTINCT m.id FROM member m JOIN broadcast_group g"
				+ " ON g.chat_id = m.chat_id WHERE g.assist_code = ? AND g.owner = ? AND g.circle_id = ?"
				+ " AND m.sms_consent AND NOT m.opted_out ORDER BY m.id", Long.class, code, owner, circle);
		// one action for the task's members, so they go out together in one call
		members.forEach((member) -> this.informantSms.send("sms-fallback:" + code + ":" + owner + ":" + circle, member,
				InformantSms.Notice.ASSIST, code));
		log.info("assist.sms-fallback assist={} circle={} members={}", code, circle, members.size());
	}

}
