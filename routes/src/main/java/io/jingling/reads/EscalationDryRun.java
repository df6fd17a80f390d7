package io.jingling.reads;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Replays the orders of the last days under a candidate version of the escalation
 * policies and under the version in force, without applying or sending anything: each
 * order's policy, its recipients and when each of them read it (as the read log has it)
 * give, per step, who would be reminded and how. A step marked on-duty-only counts every
 * officer still unread (who was on duty then is not kept), so the counts are at most.
 */
@Component
public class EscalationDryRun {

	private static final Logger log = LoggerFactory.getLogger(EscalationDryRun.class);

	/** The most orders one dry-run looks at, newest first. */
	static final int MAX_ORDERS = 500;

	/** The most days one dry-run looks back. */
	static final int MAX_DAYS = 30;

	private final EscalationPolicies policies;

	private final JdbcTemplate jdbc;

	private final DirectoryStore directory;

	private final HubProperties hub;

	private final Clock clock;

	private final BigDecimal smsPrice;

	EscalationDryRun(EscalationPolicies policies, JdbcTemplate jdbc, DirectoryStore directory, HubProperties hub,
			Clock clock, @Value("${jingling.sms.price-per-message:0.045}") BigDecimal smsPrice) {
		this.policies = policies;
		this.jdbc = jdbc;
		this.directory = directory;
		this.hub = hub;
		this.clock = clock;
		this.smsPrice = smsPrice;
	}

	/**
	 * What one order would lead to under each version.
	 *
	 * @param current the steps the version in force would take, with whom each reaches
	 * @param candidate the same under the candidate
	 * @param added the reminders (action and officer) only the candidate gives
	 * @param removed the reminders only the version in force gives
	 */
	public record Outcome(String code, String policy, Instant sentAt, int recipients, int readers, List<String> current,
			List<String> candidate, List<String> added, List<String> removed) {
	}

	/**
	 * What one version would do across the orders.
	 *
	 * @param dings DINGs (in-app, by DingTalk SMS or by phone call), one per officer and
	 * step
	 * @param smsAtMost Aliyun SMS, one per officer and SMS step
	 * @param smsCost their cost at {@code jingling.sms.price-per-message} yuan each
	 * @param reports the dispatchers' reports of who is still unread
	 */
	public record Totals(int dings, int smsAtMost, BigDecimal smsCost, int reports) {
	}

	/**
	 * The dry-run's result; {@code changed} counts the orders the candidate handles
	 * differently.
	 */
	public record Report(int days, int orders, int changed, Totals current, Totals candidate, List<Outcome> outcomes) {
	}

	/**
	 * Runs the candidate on the orders sent in the last {@code days} days.
	 * @throws IllegalArgumentException for a candidate that does not check out or days
	 * out of range
	 */
	public Report run(String candidateContent, int days) {
		EscalationPolicies.Version candidate = this.policies.candidate(candidateContent);
		if (days < 1 || days > MAX_DAYS) {
			throw new IllegalArgumentException("days 须在 1 到 " + MAX_DAYS + " 之间");
		}
		EscalationPolicies.Version current = this.policies.inForce();
		Directory people = this.directory.current();
		List<Outcome> outcomes = new ArrayList<>();
		List<Step> before = new ArrayList<>();
		List<Step> after = new ArrayList<>();
		for (Order order : orders(this.clock.instant().minus(Duration.ofDays(days)))) {
			List<Step> now = steps(order, current);
			List<Step> then = steps(order, candidate);
			before.addAll(now);
			after.addAll(then);
			Set<String> reachedNow = reminders(now, people);
			Set<String> reachedThen = reminders(then, people);
			int readers = (int) order.readAt().values().stream().filter((at) -> at != null).count();
			outcomes.add(new Outcome(order.code(), current.policy(order.policy()).name(), order.sentAt(),
					order.readAt().size(), readers, describe(now, people), describe(then, people),
					reachedThen.stream().filter((r) -> !reachedNow.contains(r)).toList(),
					reachedNow.stream().filter((r) -> !reachedThen.contains(r)).toList()));
		}
		int changed = (int) outcomes.stream()
			.filter((outcome) -> !outcome.current().equals(outcome.candidate()))
			.count();
		log.info("escalation.dryrun done orders={} changed={}", outcomes.size(), changed);
		return new Report(days, outcomes.size(), changed, totals(before), totals(after), outcomes);
	}

	/**
	 * An order as sent: its policy, when it went out, and each recipient's first read.
	 */
	private record Order(String code, String policy, Instant sentAt, Instant recalledAt, Map<String, Instant> readAt) {
	}

	/** A step as a version would take it: when, how, and whom it reaches. */
	private record Step(int number, Duration after, StepAction action, Instant at, List<String> officers) {
	}

	private List<Order> orders(Instant since) {
		List<Order> orders = new ArrayList<>();
		this.jdbc.query(
				"SELECT code, policy, recalled_at FROM dispatch_order WHERE posted_at >= ?"
						+ " ORDER BY posted_at DESC, code DESC FETCH FIRST " + MAX_ORDERS + " ROWS ONLY",
				(RowCallbackHandler) (rs) -> {
					Timestamp recalled = rs.getTimestamp(3);
					orders.add(new Order(rs.getString(1), rs.getString(2), null,
							(recalled != null) ? recalled.toInstant() : null, Map.of()));
				}, Timestamp.from(since));
		List<Order> sent = new ArrayList<>();
		for (Order order : orders) {
			Map<String, Instant> readAt = new TreeMap<>();
			Instant[] sentAt = new Instant[1];
			this.jdbc.query("SELECT r.user_id, MIN(r.read_at), MIN(m.sent_at) FROM tracked_recipient r"
					+ " JOIN tracked_message m ON m.id = r.tracked_id WHERE m.order_code = ? AND m.status <> 'RECALLED'"
					+ " GROUP BY r.user_id", (RowCallbackHandler) (rs) -> {
						Timestamp read = rs.getTimestamp(2);
						readAt.put(rs.getString(1), (read != null) ? read.toInstant() : null);
						Instant at = rs.getTimestamp(3).toInstant();
						sentAt[0] = (sentAt[0] == null || at.isBefore(sentAt[0])) ? at : sentAt[0];
					}, order.code());
			if (sentAt[0] != null) {
				sent.add(new Order(order.code(), order.policy(), sentAt[0], order.recalledAt(), readAt));
			}
		}
		return sent;
	}

	// Each step reaches those who had not read by the time it runs; a recall stops the
	// rest.
	private List<Step> steps(Order order, EscalationPolicies.Version version) {
		List<Step> steps = new ArrayList<>();
		List<EscalationPolicy.Step> policySteps = version.policy(order.policy()).steps();
		for (int i = 0; i < policySteps.size(); i++) {
			EscalationPolicy.Step step = policySteps.get(i);
			Instant at = version.runsAt(order.sentAt().plus(step.after()), step, this.hub.timeZone());
			if (order.recalledAt() != null && !order.recalledAt().isAfter(at)) {
				break;
			}
			List<String> unread = order.readAt()
				.entrySet()
				.stream()
				.filter((read) -> read.getValue() == null || read.getValue().isAfter(at))
				.map(Map.Entry::getKey)
				.toList();
			if (!unread.isEmpty()) {
				steps.add(new Step(i + 1, step.after(), step.action(), at, unread));
			}
		}
		return steps;
	}

	private Totals totals(List<Step> steps) {
		int dings = 0;
		int sms = 0;
		int reports = 0;
		for (Step step : steps) {
			switch (step.action()) {
				case DING, DING_SMS, DING_CALL -> dings += step.officers().size();
				case SMS -> sms += step.officers().size();
				case REPORT -> reports++;
			}
		}
		return new Totals(dings, sms, this.smsPrice.multiply(BigDecimal.valueOf(sms)), reports);
	}

	private static List<String> describe(List<Step> steps, Directory people) {
		return steps.stream()
			.map((step) -> "第" + step.number() + "步（发出后 " + minutes(step.after()) + "）" + step.action().label() + "："
					+ String.join("、", step.officers().stream().map(people::nameOf).toList()) + "（"
					+ step.officers().size() + " 人未读）")
			.toList();
	}

	private static Set<String> reminders(List<Step> steps, Directory people) {
		Set<String> reminders = new LinkedHashSet<>();
		steps.forEach((step) -> step.officers()
			.forEach((officer) -> reminders.add(step.action().label() + "：" + people.nameOf(officer))));
		return reminders;
	}

	private static String minutes(Duration after) {
		long minutes = after.toMinutes();
		return (minutes % 60 == 0 && minutes >= 60) ? (minutes / 60) + " 小时" : minutes + " 分钟";
	}

}
