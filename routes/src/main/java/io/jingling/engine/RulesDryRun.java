package io.jingling.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.jingling.assist.Broadcasts;
import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.AssistRequestOpened;
import io.jingling.bots.engine.Broadcast;
import io.jingling.bots.engine.CloseAssistRequest;
import io.jingling.bots.engine.ConversationType;
import io.jingling.bots.engine.Event;
import io.jingling.bots.engine.OpenAssistRequest;
import io.jingling.bots.engine.OptOut;
import io.jingling.bots.engine.OrderTarget;
import io.jingling.bots.engine.PostOrder;
import io.jingling.bots.engine.RecallOrder;
import io.jingling.bots.engine.RecordTip;
import io.jingling.bots.engine.RelayToInformant;
import io.jingling.bots.engine.Reply;
import io.jingling.bots.engine.RequestApproval;
import io.jingling.bots.engine.RobotMessageReceived;
import io.jingling.bots.engine.RuleEngine;
import io.jingling.bots.engine.SendToGroup;
import io.jingling.bots.engine.SendToUsers;
import io.jingling.directory.CustomerGroup;
import io.jingling.directory.DirectoryStore;
import io.jingling.inbound.InboundMessage;
import io.jingling.inbound.Inbox;
import io.jingling.inbound.InboxEntry;
import io.jingling.inbound.RobotCallbackParser;
import io.jingling.reads.EscalationPolicies;
import io.jingling.reads.EscalationPolicy;
import io.jingling.reads.StepAction;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a candidate rules version and the version in force side by side on events, without
 * applying anything: nothing is stored, queued or sent. The events are a sample robot
 * callback from {@code samples/payloads/dingtalk/} or the robot messages recorded in the
 * last days; an assist request an event would open is followed into the event it raises,
 * so a change to the circle rules shows as circles reached or not. Per event it lists
 * what each version would do and the recipients the candidate adds and removes.
 */
@Component
public class RulesDryRun {

	private static final Logger log = LoggerFactory.getLogger(RulesDryRun.class);

	/** The most recorded events one dry-run looks at, newest first. */
	static final int MAX_EVENTS = 500;

	/** The most days of recorded events one dry-run looks back. */
	static final int MAX_DAYS = 30;

	private static final String SAMPLES = "samples/payloads/dingtalk";

	private static final Pattern SAMPLE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.json");

	private static final int MAX_FOLLOW_UPS = 8;

	private final Rules rules;

	private final HubState state;

	private final Inbox inbox;

	private final RobotCallbackParser parser;

	private final HubProperties hub;

	private final Clock clock;

	private final Broadcasts broadcasts;

	private final EscalationPolicies policies;

	private final DirectoryStore directory;

	private final JdbcTemplate jdbc;

	private final BigDecimal smsPrice;

	RulesDryRun(Rules rules, HubState state, Inbox inbox, RobotCallbackParser parser, HubProperties hub, Clock clock,
			Broadcasts broadcasts, EscalationPolicies policies, DirectoryStore directory, JdbcTemplate jdbc,
			@Value("${jingling.sms.price-per-message:0.045}") BigDecimal smsPrice) {
		this.rules = rules;
		this.state = state;
		this.inbox = inbox;
		this.parser = parser;
		this.hub = hub;
		this.clock = clock;
		this.broadcasts = broadcasts;
		this.policies = policies;
		this.directory = directory;
		this.jdbc = jdbc;
		this.smsPrice = smsPrice;
	}

	/** What one event would lead to under each version. */
	public record Outcome(String eventId, Instant occurredAt, String sender, String conversation, String text,
			List<String> current, List<String> candidate, List<String> added, List<String> removed) {

		boolean changed() {
			return !this.current.equals(this.candidate);
		}

	}

	/**
	 * The dry-run's result.
	 *
	 * @param events how many events were run
	 * @param changed how many of them the candidate handles differently
	 * @param added every recipient the candidate reaches that the version in force does
	 * not
	 * @param removed every recipient the version in force reaches that the candidate does
	 * not
	 */
	public record Report(String source, int events, int changed, Set<String> added, Set<String> removed, Totals current,
			Totals candidate, List<Outcome> outcomes) {
	}

	/**
	 * What one version would send across the events.
	 *
	 * @param messages the messages per channel (钉钉回复, 钉钉群消息, 钉钉工作通知, 钉钉审批, 企业微信群发 tasks,
	 * 微信客服)
	 * @param smsAtMost the Aliyun SMS the sends could lead to at most: the SMS steps of
	 * the orders' escalation policies for every recipient, and the SMS fallback of urgent
	 * assist requests to every informant who consented
	 * @param smsCost what those SMS would cost at {@code jingling.sms.price-per-message}
	 * yuan each
	 * @param quotaBreaches the customer groups a broadcast would leave out because their
	 * mass-message quota is spent this period
	 */
	public record Totals(Map<String, Integer> messages, int smsAtMost, BigDecimal smsCost, Set<String> quotaBreaches) {
	}

	/** The sample robot callbacks a dry-run can use. */
	public List<String> samples() {
		try (Stream<Path> files = Files.list(this.hub.resolve(SAMPLES))) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> SAMPLE_NAME.matcher(name).matches() && name.startsWith("at-bot-"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("samples cannot be listed", ex);
		}
	}

	/**
	 * Runs the candidate on one sample robot callback.
	 * @throws IllegalArgumentException for a candidate that does not compile or an
	 * unknown sample
	 */
	public Report onSample(String candidate, String sample) {
		RuleEngine engine = this.rules.candidate(candidate);
		if (!samples().contains(sample)) {
			throw new IllegalArgumentException("没有这个样例：" + sample + "；可用：" + String.join("、", samples()));
		}
		InboundMessage message;
		try {
			message = this.parser.parse(Files.readAllBytes(this.hub.resolve(SAMPLES).resolve(sample)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("sample " + sample + " cannot be read", ex);
		}
		return report("样例 " + sample, engine, List.of(message.event()));
	}

	/**
	 * Runs the candidate on the robot messages recorded in the last {@code days} days (at
	 * most {@value #MAX_EVENTS}, newest first).
	 * @throws IllegalArgumentException for a candidate that does not compile or days out
	 * of range
	 */
	public Report onRecorded(String candidate, int days) {
		RuleEngine engine = this.rules.candidate(candidate);
		if (days < 1 || days > MAX_DAYS) {
			throw new IllegalArgumentException("days 须在 1 到 " + MAX_DAYS + " 之间");
		}
		List<Event> events = new ArrayList<>();
		for (InboxEntry entry : this.inbox.recorded(InboundMessage.TYPE,
				this.clock.instant().minus(Duration.ofDays(days)), MAX_EVENTS)) {
			events.add(this.inbox.payload(entry, InboundMessage.class).event());
		}
		return report("最近 " + days + " 天记录的机器人消息", engine, events);
	}

	private Report report(String source, RuleEngine candidate, List<Event> events) {
		RuleEngine current = this.rules.engine();
		List<Outcome> outcomes = new ArrayList<>();
		Set<String> added = new LinkedHashSet<>();
		Set<String> removed = new LinkedHashSet<>();
		List<Effect> allBefore = new ArrayList<>();
		List<Effect> allAfter = new ArrayList<>();
		// the same circles reach the same groups throughout one dry-run: asked once
		Map<List<String>, Broadcasts.Reach> reaches = new HashMap<>();
		for (Event event : events) {
			List<Effect> before = effects(current, event, reaches);
			List<Effect> after = effects(candidate, event, reaches);
			allBefore.addAll(before);
			allAfter.addAll(after);
			Set<String> reachedBefore = recipients(before);
			Set<String> reachedAfter = recipients(after);
			List<String> gained = reachedAfter.stream().filter((r) -> !reachedBefore.contains(r)).toList();
			List<String> lost = reachedBefore.stream().filter((r) -> !reachedAfter.contains(r)).toList();
			added.addAll(gained);
			removed.addAll(lost);
			outcomes.add(outcome(event, descriptions(before), descriptions(after), gained, lost));
		}
		int changed = (int) outcomes.stream().filter(Outcome::changed).count();
		log.info("rules.dryrun done events={} changed={} added={} removed={}", events.size(), changed, added.size(),
				removed.size());
		return new Report(source, events.size(), changed, added, removed, totals(allBefore), totals(allAfter),
				outcomes);
	}

	private Totals totals(List<Effect> effects) {
		Map<String, Integer> messages = new TreeMap<>();
		Set<String> breaches = new LinkedHashSet<>();
		int sms = 0;
		for (Effect effect : effects) {
			if (effect.messages() > 0) {
				messages.merge(effect.channel(), effect.messages(), Integer::sum);
			}
			sms += effect.smsAtMost();
			breaches.addAll(effect.quotaBreaches());
		}
		return new Totals(messages, sms, this.smsPrice.multiply(BigDecimal.valueOf(sms)), breaches);
	}

	private Outcome outcome(Event event, List<String> current, List<String> candidate, List<String> added,
			List<String> removed) {
		if (event instanceof RobotMessageReceived message) {
			return new Outcome(event.eventId(), event.occurredAt(), officer(message.senderUserId()),
					conversation(message), message.text(), current, candidate, added, removed);
		}
		return new Outcome(event.eventId(), event.occurredAt(), "", "", "", current, candidate, added, removed);
	}

	/**
	 * One thing a version would do, whom it reaches, on which channel, in how many
	 * messages, the SMS it could lead to and the groups it would find without quota.
	 */
	private record Effect(String description, List<String> recipients, String channel, int messages, int smsAtMost,
			List<String> quotaBreaches) {

		Effect(String description, List<String> recipients) {
			this(description, recipients, "", 0, 0, List.of());
		}

		Effect(String description, List<String> recipients, String channel, int messages) {
			this(description, recipients, channel, messages, 0, List.of());
		}

	}

	private List<Effect> effects(RuleEngine engine, Event event, Map<List<String>, Broadcasts.Reach> reaches) {
		List<Effect> effects = new ArrayList<>();
		Deque<Event> events = new ArrayDeque<>(List.of(event));
		for (int step = 0; !events.isEmpty() && step < MAX_FOLLOW_UPS; step++) {
			Event next = events.removeFirst();
			for (Action action : engine.evaluate(next, this.state)) {
				effects.add(effect(action, event, next, reaches));
				if (action instanceof OpenAssistRequest request) {
					events.add(new AssistRequestOpened("dry-run:" + next.eventId(), next.occurredAt(), "XC-试运行",
							request.circleIds(), request.content(), request.caseOfficer(), request.requestedBy(),
							request.urgent(), request.sensitive()));
				}
			}
		}
		return effects;
	}

	private Effect effect(Action action, Event source, Event cause, Map<List<String>, Broadcasts.Reach> reaches) {
		if (action instanceof Reply reply) {
			return new Effect("回复：" + reply.text(), replyTo(source), "钉钉回复", 1);
		}
		if (action instanceof SendToGroup send) {
			return new Effect("群消息「" + send.title() + "」", List.of(group(send.openConversationId())), "钉钉群消息", 1);
		}
		if (action instanceof SendToUsers send) {
			return new Effect("工作通知「" + send.title() + "」", send.userIds().stream().map(this::officer).toList(), "钉钉单聊",
					send.userIds().size());
		}
		if (action instanceof PostOrder order) {
			return order(order);
		}
		if (action instanceof OpenAssistRequest request) {
			return new Effect("登记协查，圈子 " + circles(request.circleIds()), List.of());
		}
		if (action instanceof Broadcast broadcast) {
			return broadcast(broadcast, (cause instanceof AssistRequestOpened opened) && opened.urgent(),
					reaches.computeIfAbsent(broadcast.circleIds(), this.broadcasts::reach));
		}
		if (action instanceof RequestApproval) {
			return new Effect("发起钉钉审批，同意后才群发", List.of("审批：局领导"), "钉钉审批", 1);
		}
		if (action instanceof RecordTip tip) {
			return new Effect("记为线索（" + tip.linkedBy() + "）", List.of());
		}
		if (action instanceof RelayToInformant relay) {
			return new Effect("回复线人（线索 " + relay.tipCode() + "）", List.of("线人（线索 " + relay.tipCode() + "）"), "微信客服", 1);
		}
		if (action instanceof RecallOrder recall) {
			return new Effect("撤回 " + recall.code(), List.of());
		}
		if (action instanceof CloseAssistRequest close) {
			return new Effect("结束协查 " + close.code(), List.of());
		}
		if (action instanceof OptOut) {
			return new Effect("线人退订", List.of());
		}
		throw new IllegalStateException("no description for " + action.getClass().getSimpleName());
	}

	// The escalation's SMS steps could reach every recipient who never reads the order.
	private Effect order(PostOrder order) {
		EscalationPolicy policy = this.policies.policy(order.policy())
			.orElseGet(() -> this.policies.policy("").orElseThrow());
		long smsSteps = policy.steps().stream().filter((step) -> step.action() == StepAction.SMS).count();
		String description = "发警令（升级策略 " + policy.name() + "）";
		List<String> recipients = orderRecipients(order.target());
		int people = (order.target() instanceof OrderTarget.ToGroup group)
				? this.directory.current().membersOf(group.openConversationId()).size()
				: (order.target() instanceof OrderTarget.ToOfficers officers) ? officers.userIds().size()
						: this.directory.current().officers().size();
		String channel = (order.target() instanceof OrderTarget.ToGroup) ? "钉钉群消息" : "钉钉工作通知";
		int messages = (order.target() instanceof OrderTarget.ToGroup) ? 1 : people;
		return new Effect(description, recipients, channel, messages, (int) (smsSteps * people), List.of());
	}

	// A broadcast as it would be planned now; an urgent one's SMS fallback could reach
	// every member of its groups who consented to SMS.
	private Effect broadcast(Broadcast broadcast, boolean urgent, Broadcasts.Reach reach) {
		List<String> chats = reach.sendable().stream().map(CustomerGroup::chatId).toList();
		int sms = (!urgent || chats.isEmpty()) ? 0
				: this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM member WHERE sms_consent AND NOT opted_out AND chat_id IN ("
								+ String.join(",", chats.stream().map((chat) -> "?").toList()) + ")",
						Integer.class, chats.toArray());
		String description = "向圈子群发协查：" + reach.tasks() + " 个任务、" + reach.sendable().size() + " 个群、约 " + reach.members()
				+ " 人" + (reach.exhausted().isEmpty() ? "" : "；本期群发次数已用完、不发：" + String.join("、", reach.exhausted()));
		return new Effect(description,
				broadcast.circleIds().stream().map((id) -> "圈子「" + circleName(id) + "」").toList(), "企业微信群发",
				reach.tasks(), sms, reach.exhausted());
	}

	private List<String> replyTo(Event source) {
		if (source instanceof RobotMessageReceived message) {
			return List.of((message.conversationType() == ConversationType.GROUP) ? group(message.conversationId())
					: "单聊 " + officer(message.senderUserId()));
		}
		return List.of();
	}

	private List<String> orderRecipients(OrderTarget target) {
		if (target instanceof OrderTarget.ToGroup group) {
			return List.of(group(group.openConversationId()));
		}
		if (target instanceof OrderTarget.ToOfficers officers) {
			return officers.userIds().stream().map(this::officer).toList();
		}
		return List.of("全体警员");
	}

	private String conversation(RobotMessageReceived message) {
		return (message.conversationType() == ConversationType.GROUP) ? group(message.conversationId()) : "单聊";
	}

	private String group(String openConversationId) {
		return "群「" + this.state.group(openConversationId).map((g) -> g.name()).orElse(openConversationId) + "」";
	}

	private String officer(String userId) {
		return this.state.officer(userId).map((o) -> o.name() + "（" + userId + "）").orElse(userId);
	}

	private String circles(List<String> ids) {
		return String.join("、", ids.stream().map(this::circleName).toList());
	}

	private String circleName(String id) {
		Optional<String> name = this.state.circles()
			.stream()
			.filter((c) -> c.id().equals(id))
			.map((c) -> c.name())
			.findFirst();
		return name.orElse(id);
	}

	private static Set<String> recipients(List<Effect> effects) {
		Set<String> recipients = new LinkedHashSet<>();
		effects.forEach((effect) -> recipients.addAll(effect.recipients()));
		return recipients;
	}

	private static List<String> descriptions(List<Effect> effects) {
		return effects.stream().map(Effect::description).toList();
	}

}
