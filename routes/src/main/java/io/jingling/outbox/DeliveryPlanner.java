package io.jingling.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.connectors.ConnectorException;
import io.jingling.bots.engine.ConversationType;
import io.jingling.connectors.dingtalk.client.Ding;
import io.jingling.connectors.dingtalk.client.DingKind;
import io.jingling.connectors.dingtalk.client.GroupMessage;
import io.jingling.connectors.dingtalk.client.SessionReply;
import io.jingling.connectors.dingtalk.client.UserMessage;
import io.jingling.connectors.dingtalk.client.WorkNotice;
import io.jingling.connectors.sms.client.SmsMessage;
import io.jingling.connectors.wechat.client.GroupTaskRequest;
import io.jingling.connectors.wechat.client.KfText;
import io.jingling.informant.Members;
import io.jingling.wecom.KfLinks;
import io.jingling.wxmp.MpText;
import io.jingling.inbound.ReplyChannel;
import io.jingling.templates.MessageTemplates;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns due rows into platform calls: claims them (so no other pass or node sends them
 * too), batches rows of an action as the platform allows (one-to-one messages 20 users a
 * call, work notifications 100, DINGs 200 in the app or 20 by SMS, SMS 1,000 numbers),
 * and defers what pacing or a number's SMS limits do not allow yet.
 */
@Component
class DeliveryPlanner {

	private static final Logger log = LoggerFactory.getLogger(DeliveryPlanner.class);

	static final String ROBOT_KEY = "robot";

	private static final String SEND_GROUP = "dingtalk:send-group";

	private static final String SEND_USERS = "dingtalk:send-users";

	private static final int SMS_ROWS_PER_PASS = 5 * SmsMessage.MAX_NUMBERS;

	/**
	 * Leave a session webhook this long before it expires: the call itself takes time.
	 */
	private static final Duration SESSION_MARGIN = Duration.ofSeconds(30);

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	private final Pacer pacer;

	private final OutboxProperties properties;

	private final KfLinks kfLinks;

	private final Members members;

	private final DeliveryOutcomes outcomes;

	private final SmsFrequency smsFrequency;

	private final MessageTemplates templates;

	DeliveryPlanner(JdbcTemplate jdbc, ObjectMapper json, Clock clock, Pacer pacer, OutboxProperties properties,
			KfLinks kfLinks, Members members, DeliveryOutcomes outcomes, SmsFrequency smsFrequency,
			MessageTemplates templates) {
		this.templates = templates;
		this.outcomes = outcomes;
		this.smsFrequency = smsFrequency;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.pacer = pacer;
		this.properties = properties;
		this.kfLinks = kfLinks;
		this.members = members;
	}

	/**
	 * Claims the due rows pacing allows now; returns one delivery per platform call. One
	 * pass at a time on a node, so the poll timer and a wake-up do not split one action's
	 * rows between them into more calls than needed.
	 */
	public synchronized List<Delivery> claimDue() {
		Instant now = clock.instant();
		return plan(due(now), now);
	}

	List<OutboxRow> due(Instant now) {
		List<OutboxRow> due = new ArrayList<>(select("operation <> 'SMS'", properties.batchSize(), now));
		// SMS rows of one action go out a thousand numbers a call: plan enough of them
		due.addAll(select("operation = 'SMS'", SMS_ROWS_PER_PASS, now));
		return due;
	}

	private List<OutboxRow> select(String operations, int limit, Instant now) {
		return jdbc.query(
				"SELECT id, action_key, recipient, operation, pacing_group, payload FROM outbox WHERE status = 'NEW' AND "
						+ operations + " AND next_attempt_at <= ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
				(rs, i) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3),
						Operation.valueOf(rs.getString(4)), rs.getString(5),
						OutboxPayload.read(this.json, rs.getString(6))),
				Timestamp.from(now));
	}

	/**
	 * Claims before pacing: rows another pass (the poll timer, the wake-up, another node)
	 * took between the query and the claim must not use up a send this pass never makes.
	 */
	List<Delivery> plan(List<OutboxRow> due, Instant now) {
		List<Delivery> deliveries = new ArrayList<>();
		for (List<OutboxRow> call : calls(due)) {
			if (call.get(0).operation() == Operation.SMS) {
				call = this.smsFrequency.withinLimits(call, now);
				if (call.isEmpty()) {
					continue;
				}
			}
			List<OutboxRow> claimed = claim(call, now);
			if (claimed.isEmpty()) {
				continue;
			}
			List<String> keys = pacingKeys(claimed.get(0));
			Instant allowedAt = pacer.reserve(keys, now);
			if (allowedAt.isAfter(now)) {
				defer(claimed, allowedAt);
				continue;
			}
			try {
				deliveries.add(toDelivery(claimed, keys, now));
			}
			catch (RuntimeException ex) {
				// building a call may itself ask a platform (a KF link) or the vault; its
				// rows go back, untouched by the platform, and the rest of the pass goes
				// on
				release(claimed, now, ex);
			}
		}
		return deliveries;
	}

	private static List<String> pacingKeys(OutboxRow row) {
		if (row.operation() == Operation.WECOM_TASK || row.operation() == Operation.KF_TEXT
				|| row.operation() == Operation.OA_TEXT || row.operation() == Operation.WECOM_REMIND
				|| row.operation() == Operation.WORK_NOTICE || row.operation() == Operation.SMS
				|| row.operation() == Operation.RECALL || row.operation() == Operation.APPROVAL) {
			return List.of();
		}
		return (row.pacingGroup() == null) ? List.of(ROBOT_KEY) : List.of(ROBOT_KEY, "group:" + row.pacingGroup());
	}

	/**
	 * One platform call per list: rows of one action that the platform takes together are
	 * batched up to its limit per call; every other row is a call of its own.
	 */
	private static List<List<OutboxRow>> calls(List<OutboxRow> due) {
		List<List<OutboxRow>> calls = new ArrayList<>();
		Map<String, List<OutboxRow>> batched = new LinkedHashMap<>();
		for (OutboxRow row : due) {
			int limit = perCall(row);
			if (limit > 1) {
				batched
					.computeIfAbsent(row.operation() + "|" + row.actionKey() + "|" + dingKind(row),
							(k) -> new ArrayList<>())
					.add(row);
			}
			else {
				calls.add(List.of(row));
			}
		}
		batched.values().forEach((rows) -> {
			int limit = perCall(rows.get(0));
			for (int from = 0; from < rows.size(); from += limit) {
				calls.add(rows.subList(from, Math.min(from + limit, rows.size())));
			}
		});
		return calls;
	}

	private static int perCall(OutboxRow row) {
		return switch (row.operation()) {
			case USERS -> UserMessage.MAX_USERS;
			case WORK_NOTICE -> WorkNotice.MAX_USERS;
			case DING -> dingKind(row).maxReceivers();
			case SMS -> SmsMessage.MAX_NUMBERS;
			default -> 1;
		};
	}

	private static DingKind dingKind(OutboxRow row) {
		DingKind kind = row.payload().dingKind();
		return (kind != null) ? kind : DingKind.APP;
	}

	private void defer(List<OutboxRow> rows, Instant until) {
		jdbc.batchUpdate(
				"UPDATE outbox SET status = 'NEW', attempts = attempts - 1, claimed_at = NULL,"
						+ " next_attempt_at = ? WHERE id = ? AND status = 'SENDING'",
				rows.stream().map((row) -> new Object[] { Timestamp.from(until), row.id() }).toList());
	}

	private void release(List<OutboxRow> rows, Instant now, RuntimeException cause) {
		String error = (cause instanceof ConnectorException failure) ? failure.code()
				: cause.getClass().getSimpleName();
		for (OutboxRow row : rows) {
			int attempts = this.jdbc.queryForObject("SELECT attempts FROM outbox WHERE id = ?", Integer.class,
					row.id());
			if (attempts >= this.properties.maxAttempts()) {
				this.outcomes.dead(row.id(), error, "the call could not be built: " + error, now);
			}
			else {
				this.jdbc.update(
						"UPDATE outbox SET status = 'NEW', next_attempt_at = ?, last_error = ? WHERE id = ?"
								+ " AND status = 'SENDING'",
						Timestamp.from(now.plus(this.properties.retryDelay(attempts))), error, row.id());
			}
		}
		log.warn("outbox.plan failed rows={} error={}: released for a retry", rows.size(), error);
	}

	private List<OutboxRow> claim(List<OutboxRow> rows, Instant now) {
		List<OutboxRow> claimed = new ArrayList<>();
		for (OutboxRow row : rows) {
			int updated = jdbc.update("UPDATE outbox SET status = 'SENDING', claimed_at = ?, attempts = attempts + 1"
					+ " WHERE id = ? AND status = 'NEW'", Timestamp.from(now), row.id());
			if (updated == 1) {
				claimed.add(row);
			}
		}
		return claimed;
	}

	private Delivery toDelivery(List<OutboxRow> rows, List<String> keys, Instant now) {
		List<Long> ids = rows.stream().map(OutboxRow::id).toList();
		OutboxPayload first = rows.get(0).payload();
		return switch (rows.get(0).operation()) {
			case GROUP ->
				new Delivery(ids, SEND_GROUP, new GroupMessage(first.openConversationId(), first.content()), keys);
			case USERS -> new Delivery(ids, SEND_USERS, new UserMessage(users(rows), first.content()), keys);
			case REPLY -> reply(ids, first, keys, now);
			case WECOM_TASK -> new Delivery(ids, "wecom:create-group-task", groupTask(first.task()), keys);
			case KF_TEXT -> new Delivery(ids, "wecom:send-kf-text",
					new KfText(this.members.identityOf(first.memberId()).externalUserId(), first.content().markdown()),
					keys);
			case OA_TEXT -> new Delivery(ids, "bean:officialAccountKefu?method=send",
					new MpText(this.members.identityOf(first.memberId()).openId(), first.content().markdown()), keys);
			case WECOM_REMIND -> new Delivery(ids, "wecom:remind", first.msgId(), keys);
			case DING -> new Delivery(ids, "dingtalk:ding",
					new Ding(users(rows), first.content().markdown(), dingKind(rows.get(0))), keys);
			case WORK_NOTICE ->
				new Delivery(ids, "dingtalk:send-work-notice", new WorkNotice(users(rows), first.content()), keys);
			case SMS -> new Delivery(ids, "sms:send", new SmsMessage(rows.stream().map(this::phoneOf).toList(),
					first.sms().templateCode(), first.sms().parameters(), outId(ids)), keys);
			case RECALL -> new Delivery(ids, "dingtalk:recall", first.recall(), keys);
			case APPROVAL -> new Delivery(ids, "bean:approvals?method=start", first.msgId(), keys);
		};
	}

	/** An officer's number is in the row; an informant's is opened from the vault now. */
	private String phoneOf(OutboxRow row) {
		String phone = row.payload().sms().phoneNumber();
		return (phone != null) ? phone : this.members.identityOf(row.payload().memberId()).phone();
	}

	private static List<String> users(List<OutboxRow> rows) {
		return rows.stream().map((row) -> row.payload().userId()).toList();
	}

	/**
	 * The {@code OutId} of an SMS call: its first row, so receipts lead back to the batch
	 * and, with the number, to the row.
	 */
	static String outId(List<Long> ids) {
		return "ob-" + ids.get(0);
	}

	private GroupTaskRequest groupTask(GroupTaskPlan plan) {
		String link = this.kfLinks.linkFor(plan.scene(), plan.assistCode());
		return new GroupTaskRequest(plan.sender(), plan.chatIds(),
				this.templates.broadcast(plan.template(), plan.assistCode(), plan.content(), link), List.of());
	}

	private static Delivery reply(List<Long> ids, OutboxPayload payload, List<String> keys, Instant now) {
		ReplyChannel channel = payload.reply();
		boolean sessionValid = channel.sessionWebhook() != null && channel.sessionExpiresAt() != null
				&& channel.sessionExpiresAt().minus(SESSION_MARGIN).isAfter(now);
		if (sessionValid) {
			return new Delivery(ids, "dingtalk:reply",
					new SessionReply(channel.sessionWebhook(), payload.content(), List.of()), keys);
		}
		if (channel.conversationType() == ConversationType.GROUP) {
			return new Delivery(ids, SEND_GROUP, new GroupMessage(channel.conversationId(), payload.content()), keys);
		}
		return new Delivery(ids, SEND_USERS, new UserMessage(List.of(channel.senderUserId()), payload.content()), keys);
	}

}
