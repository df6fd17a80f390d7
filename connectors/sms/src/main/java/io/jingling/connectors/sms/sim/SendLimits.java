package io.jingling.connectors.sms.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

// The account's limits on a send: a per-number rolling 24 h count per sign and template
// (notices: 50 by default) and a balance in messages. A call over either is refused whole and
// counts nothing: Aliyun refuses a single-number call outright, and a partial acceptance would
// leave the caller unable to tell who was sent. Only notice templates are simulated; the
// per-minute and per-hour limits of verification-code templates are not.
final class SendLimits {

	static final int DEFAULT_DAILY_LIMIT = 50;

	static final Duration DAY = Duration.ofHours(24);

	private final Clock clock;

	private final Map<String, Deque<Instant>> sends = new HashMap<>();

	private int dailyLimit = DEFAULT_DAILY_LIMIT;

	// null: unlimited
	private Integer balance;

	SendLimits(Clock clock) {
		this.clock = clock;
	}

	// keys: one per number of the call, sign + template + number; a number twice in one
	// call
	// counts twice.
	synchronized Optional<Answer> refusal(List<String> keys) {
		Instant now = this.clock.instant();
		Map<String, Long> wanted = keys.stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		for (Map.Entry<String, Long> key : wanted.entrySet()) {
			if (recent(key.getKey(), now).size() + key.getValue() > this.dailyLimit) {
				return Optional.of(Answer.business("isv.BUSINESS_LIMIT_CONTROL", "触发天级流控Permits:" + this.dailyLimit));
			}
		}
		if (this.balance != null && keys.size() > this.balance) {
			return Optional.of(Answer.business("isv.AMOUNT_NOT_ENOUGH", "账户余额不足"));
		}
		return Optional.empty();
	}

	synchronized void count(List<String> keys) {
		Instant now = this.clock.instant();
		keys.forEach((key) -> recent(key, now).addLast(now));
		if (this.balance != null) {
			this.balance -= keys.size();
		}
	}

	synchronized void setDailyLimit(int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("Daily limit must be at least 1: " + limit);
		}
		this.dailyLimit = limit;
	}

	synchronized void setBalance(int messagesLeft) {
		if (messagesLeft < 0) {
			throw new IllegalArgumentException("Balance cannot be negative: " + messagesLeft);
		}
		this.balance = messagesLeft;
	}

	synchronized void reset() {
		this.sends.clear();
		this.dailyLimit = DEFAULT_DAILY_LIMIT;
		this.balance = null;
	}

	static String key(String signName, String templateCode, String phoneNumber) {
		return signName + "\n" + templateCode + "\n" + phoneNumber;
	}

	private Deque<Instant> recent(String key, Instant now) {
		Deque<Instant> times = this.sends.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(DAY))) {
			times.removeFirst();
		}
		return times;
	}

}
