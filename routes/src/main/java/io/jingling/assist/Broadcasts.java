package io.jingling.assist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jingling.bots.command.Texts;
import io.jingling.bots.engine.Broadcast;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.directory.CustomerGroup;
import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.directory.QuotaPolicy;
import io.jingling.inbound.ReplyChannel;
import io.jingling.outbox.GroupTaskPlan;
import io.jingling.outbox.Outbox;
import io.jingling.support.HubProperties;
import io.jingling.templates.MessageTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Plans an assist request's broadcast: the circles' customer groups, one WeCom task per
 * owner and circle, each group's mass-message quota counted by the hub itself. A group
 * without quota left this period is left out and named to the dispatcher before anything
 * is sent.
 */
@Component
public class Broadcasts {

	private static final Logger log = LoggerFactory.getLogger(Broadcasts.class);

	private final JdbcTemplate jdbc;

	private final DirectoryStore directory;

	private final Outbox outbox;

	private final Clock clock;

	private final HubProperties hub;

	private final MessageTemplates templates;

	Broadcasts(JdbcTemplate jdbc, DirectoryStore directory, Outbox outbox, Clock clock, HubProperties hub,
			MessageTemplates templates) {
		this.templates = templates;
		this.jdbc = jdbc;
		this.directory = directory;
		this.outbox = outbox;
		this.clock = clock;
		this.hub = hub;
	}

	/**
	 * What a broadcast to the circles would reach now, planning nothing.
	 *
	 * @param sendable the customer groups with quota left this period
	 * @param exhausted the names of the groups without
	 * @param tasks the WeCom tasks the sendable groups take: one per owner and circle
	 * @param members the people in the sendable groups
	 */
	public record Reach(List<CustomerGroup> sendable, List<String> exhausted, int tasks, int members) {
	}

	public Reach reach(List<String> circleIds) {
		Directory people = this.directory.current();
		LocalDate today = LocalDate.now(this.clock.withZone(this.hub.timeZone()));
		QuotaPolicy policy = people.quotaPolicy();
		List<CustomerGroup> sendable = new ArrayList<>();
		List<String> exhausted = new ArrayList<>();
		for (CustomerGroup group : people.customerGroupsOf(circleIds)) {
			if (used(group.chatId(), policy.period(today)) < policy.limit(today)) {
				sendable.add(group);
			}
			else {
				exhausted.add(group.name());
			}
		}
		int tasks = (int) sendable.stream().map((group) -> group.owner() + ":" + group.circleId()).distinct().count();
		return new Reach(List.copyOf(sendable), List.copyOf(exhausted), tasks, membersIn(sendable));
	}

	public void plan(Broadcast broadcast, ReplyChannel dispatcher) {
		String content = this.jdbc.queryForObject("SELECT content FROM assist_request WHERE code = ?", String.class,
				broadcast.assistCode());
		String period = this.directory.current()
			.quotaPolicy()
			.period(LocalDate.now(this.clock.withZone(this.hub.timeZone())));
		Reach reach = reach(broadcast.circleIds());
		List<CustomerGroup> sendable = reach.sendable();
		List<String> exhausted = reach.exhausted();
		if (!exhausted.isEmpty()) {
			// all left out: nothing goes; some left out: the rest goes, and the
			// dispatcher hears which
			String text = sendable.isEmpty() ? Texts.quotaRefused(broadcast.assistCode(), exhausted)
					: "协查 " + broadcast.assistCode() + "：" + String.join("、", exhausted) + " 本期群发次数已用完，这些群不发；其余群照常发送。";
			tell(dispatcher, "assist:" + broadcast.assistCode() + ":quota", text);
		}
		if (sendable.isEmpty()) {
			log.warn("assist.broadcast refused code={} reason=no-group-with-quota", broadcast.assistCode());
			return;
		}
		Map<String, List<CustomerGroup>> byOwnerAndCircle = new LinkedHashMap<>();
		sendable.forEach((group) -> byOwnerAndCircle
			.computeIfAbsent(group.owner() + ":" + group.circleId(), (k) -> new ArrayList<>())
			.add(group));
		String template = this.templates.broadcastTemplate();
		byOwnerAndCircle.values().forEach((groups) -> {
			CustomerGroup first = groups.get(0);
			this.outbox.toOwner("broadcast:" + broadcast.assistCode(),
					new GroupTaskPlan(first.owner(), groups.stream().map(CustomerGroup::chatId).toList(),
							broadcast.assistCode(), content, first.circleId(), template));
		});
		sendable.forEach((group) -> {
			count(group.chatId(), period);
			this.jdbc.update(
					"INSERT INTO broadcast_group (assist_code, chat_id, circle_id, owner, status)"
							+ " VALUES (?, ?, ?, ?, 'PLANNED')",
					broadcast.assistCode(), group.chatId(), group.circleId(), group.owner());
		});
		this.jdbc.update("UPDATE assist_request SET status = 'BROADCAST' WHERE code = ?", broadcast.assistCode());
		tell(dispatcher, "assist:" + broadcast.assistCode() + ":planned", Texts.broadcastPlanned(broadcast.assistCode(),
				byOwnerAndCircle.size(), sendable.size(), reach.members()));
		log.info("assist.broadcast planned code={} tasks={} groups={} members={} leftOut={}", broadcast.assistCode(),
				byOwnerAndCircle.size(), sendable.size(), reach.members(), exhausted.size());
	}

	private void tell(ReplyChannel dispatcher, String key, String text) {
		if (dispatcher != null) {
			this.outbox.reply(key, dispatcher, new MessageContent("警铃", text));
		}
	}

	private int used(String chatId, String period) {
		return this.jdbc
			.queryForList("SELECT used FROM group_quota_use WHERE chat_id = ? AND period = ?", Integer.class, chatId,
					period)
			.stream()
			.findFirst()
			.orElse(0);
	}

	private void count(String chatId, String period) {
		if (this.jdbc.update("UPDATE group_quota_use SET used = used + 1 WHERE chat_id = ? AND period = ?", chatId,
				period) == 0) {
			this.jdbc.update("INSERT INTO group_quota_use (chat_id, period, used) VALUES (?, ?, 1)", chatId, period);
		}
	}

	/**
	 * The people the groups reach: each group's count from WeCom's member-change
	 * callbacks, or the hub's members in it while WeCom has said nothing.
	 */
	private int membersIn(List<CustomerGroup> groups) {
		int members = 0;
		for (CustomerGroup group : groups) {
			List<Integer> counted = this.jdbc.queryForList("SELECT members FROM group_member_count WHERE chat_id = ?",
					Integer.class, group.chatId());
			members += counted.isEmpty()
					? this.jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE NOT opted_out AND chat_id = ?",
							Integer.class, group.chatId())
					: counted.get(0);
		}
		return members;
	}

}
