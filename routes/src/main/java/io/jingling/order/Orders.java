package io.jingling.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.jingling.bots.command.Texts;
import io.jingling.bots.engine.ConversationType;
import io.jingling.bots.engine.OrderTarget;
import io.jingling.bots.engine.PostOrder;
import io.jingling.bots.engine.RecallOrder;
import io.jingling.audit.AuditLog;
import io.jingling.config.ConfigVersions;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.inbound.ReplyChannel;
import io.jingling.outbox.Outbox;
import io.jingling.reads.EscalationPolicy;
import io.jingling.reads.EscalationPolicies;
import io.jingling.reads.ReadTracking;
import io.jingling.support.CodeAllocator;
import io.jingling.support.CodeAllocator.CodeKind;
import io.jingling.support.HubProperties;
import io.jingling.templates.MessageTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Posts orders and answers their status; called inside the inbox transaction. */
@Component
public class Orders {

	private static final Logger log = LoggerFactory.getLogger(Orders.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private final JdbcTemplate jdbc;

	private final CodeAllocator codes;

	private final Outbox outbox;

	private final DirectoryStore directory;

	private final Clock clock;

	private final HubProperties hub;

	private final EscalationPolicies policies;

	private final ReadTracking tracking;

	private final ConfigVersions versions;

	private final AuditLog audit;

	private final MessageTemplates templates;

	Orders(JdbcTemplate jdbc, CodeAllocator codes, Outbox outbox, DirectoryStore directory, Clock clock,
			HubProperties hub, EscalationPolicies policies, ReadTracking tracking, ConfigVersions versions,
			AuditLog audit, MessageTemplates templates) {
		this.templates = templates;
		this.audit = audit;
		this.versions = versions;
		this.policies = policies;
		this.tracking = tracking;
		this.jdbc = jdbc;
		this.codes = codes;
		this.outbox = outbox;
		this.directory = directory;
		this.clock = clock;
		this.hub = hub;
	}

	/**
	 * Stores the order, queues it to its recipients and the confirmation to the
	 * dispatcher.
	 */
	public String post(long inboxId, PostOrder order, ReplyChannel confirmTo) {
		Directory people = directory.current();
		String code = codes.next(CodeKind.ORDER);
		MessageContent message = this.templates.order(code, order.content(), people.nameOf(order.postedBy()));
		String actionKey = "order:" + code;
		String kind;
		String label;
		int recipients;
		OrderTarget target = order.target();
		if (target instanceof OrderTarget.ToGroup group) {
			kind = "GROUP";
			label = group.name();
			recipients = people.membersOf(group.openConversationId()).size();
			outbox.toGroup(actionKey, group.openConversationId(), message);
		}
		else {
			List<String> userIds = (target instanceof OrderTarget.ToOfficers officers)
					? officers.userIds().stream().distinct().toList()
					: people.officers().keySet().stream().sorted().toList();
			kind = (target instanceof OrderTarget.ToOfficers) ? "OFFICERS" : "EVERYONE";
			label = (target instanceof OrderTarget.ToOfficers)
					? String.join("、", userIds.stream().map(people::nameOf).toList()) : "全体";
			recipients = userIds.size();
			outbox.toWorkNotice(actionKey, userIds, message);
		}
		String policy = this.policies.policy(order.policy()).map(EscalationPolicy::name).orElseGet(() -> {
			log.warn("order.post unknown policy={} code={}: the default applies", order.policy(), code);
			return this.policies.defaultPolicy();
		});
		String reportTo = (confirmTo.conversationType() == ConversationType.GROUP) ? confirmTo.conversationId()
				: people.commandGroupId().orElse(null);
		jdbc.update(
				"INSERT INTO dispatch_order (code, target_kind, target_label, content, posted_by, posted_at,"
						+ " recipient_count, source_event_id, policy, report_to, escalation_version)"
						+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				code, kind, label, order.content(), order.postedBy(), Timestamp.from(clock.instant()), recipients,
				inboxId, policy, reportTo, this.versions.activeVersion(this.policies.name()).orElse(null));
		outbox.reply(actionKey + ":ack", confirmTo,
				new MessageContent("警铃", Texts.orderConfirmed(code, label, recipients)));
		this.audit.append(order.postedBy(), AuditLog.Action.ORDER_POSTED, code,
				label + "，" + recipients + " 人，升级策略 " + policy);
		log.info("order.post done code={} target={} recipients={}", code, kind, recipients);
		return code;
	}

	/**
	 * Recalls an order: what has not gone out is cancelled, what has is taken back, and
	 * polling and escalation stop. Answers the dispatcher in Chinese.
	 */
	public String recall(RecallOrder recall) {
		List<Instant> found = jdbc.query("SELECT recalled_at FROM dispatch_order WHERE code = ?",
				(rs, i) -> (rs.getTimestamp(1) != null) ? rs.getTimestamp(1).toInstant() : Instant.EPOCH,
				recall.code());
		if (found.isEmpty()) {
			return "未找到警令 " + recall.code() + "。";
		}
		if (!found.get(0).equals(Instant.EPOCH)) {
			return "警令 " + recall.code() + " 已于 " + TIME.format(found.get(0).atZone(hub.timeZone())) + " 撤回。";
		}
		jdbc.update("UPDATE dispatch_order SET recalled_at = ? WHERE code = ?", Timestamp.from(clock.instant()),
				recall.code());
		int cancelled = outbox.cancel("order:" + recall.code()) + outbox.cancel("esc:" + recall.code());
		int recalled = this.tracking.recall(recall.code());
		this.audit.append(recall.recalledBy(), AuditLog.Action.ORDER_RECALLED, recall.code(), "撤回");
		log.info("order.recall done code={} recalledBy={} cancelledRows={} recalledMessages={}", recall.code(),
				recall.recalledBy(), cancelled, recalled);
		return "已撤回警令 " + recall.code() + "：已发出的 " + recalled + " 条消息正在撤回，未发出的已取消，不再催办。";
	}

	/** A one-line status of an order, e.g. "警令 JL-20261130-001 → 指挥中心：已送达 1/1". */
	public Optional<String> statusOf(String code) {
		List<Optional<String>> found = jdbc
			.query("SELECT target_label, posted_by, posted_at FROM dispatch_order WHERE code = ?", (rs, i) -> Optional
				.of(describe(code, rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())), code);
		return found.isEmpty() ? Optional.empty() : found.get(0);
	}

	private String describe(String code, String label, String postedBy, Instant postedAt) {
		Map<String, Integer> rows = outbox.statusOf("order:" + code);
		int total = rows.values().stream().mapToInt(Integer::intValue).sum();
		int sent = rows.getOrDefault("SENT", 0);
		int failed = rows.getOrDefault("DEAD", 0);
		String failures = (failed > 0) ? "，发送失败 " + failed : "";
		return "警令 " + code + " → " + label + "：已送达 " + sent + "/" + total + failures + "（"
				+ directory.current().nameOf(postedBy) + " " + TIME.format(postedAt.atZone(hub.timeZone())) + " 发布）";
	}

}
