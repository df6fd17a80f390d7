package io.jingling.connectors.wechat.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import io.jingling.connectors.wechat.sim.WeComSimulator.QuotaPolicy;

// Each target's receive quota per period, spent when an owner confirms a task. Not thread-safe:
// SimulatedGroupTasks calls it under its own lock.
final class GroupQuotas {

	// Periods follow the bureau's calendar, not UTC.
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Map<String, Integer> used = new HashMap<>();

	private QuotaPolicy policy = QuotaPolicy.DAYS_IN_MONTH;

	void setPolicy(QuotaPolicy policy) {
		this.policy = policy;
	}

	// Spends one mass message of the target's quota; false when this period's quota is
	// gone.
	boolean spend(String target, Instant at) {
		LocalDate day = LocalDate.ofInstant(at, CHINA);
		String key = this.policy.period(day) + "|" + target;
		int spent = this.used.getOrDefault(key, 0);
		if (spent >= this.policy.limit(day)) {
			return false;
		}
		this.used.put(key, spent + 1);
		return true;
	}

}
