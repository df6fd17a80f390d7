package io.jingling.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Sliding-window pacing per key (a robot, a group): at most {@code perMinute} sends in
 * any 60 s, and a key the platform throttled is left alone until its back-off has passed.
 * Held per node: with several nodes each paces its own sends.
 */
final class Pacer {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private final int perMinute;

	private final Map<String, Deque<Instant>> sent = new HashMap<>();

	private final Map<String, Instant> blockedUntil = new HashMap<>();

	Pacer(int perMinute) {
		this.perMinute = perMinute;
	}

	/**
	 * Takes one send on every key if all allow it now and returns {@code now}; otherwise
	 * takes nothing and returns the earliest time all keys would allow it.
	 */
	synchronized Instant reserve(Collection<String> keys, Instant now) {
		Instant allowedAt = now;
		for (String key : keys) {
			Instant earliest = earliest(key, now);
			if (earliest.isAfter(allowedAt)) {
				allowedAt = earliest;
			}
		}
		if (allowedAt.equals(now)) {
			keys.forEach((key) -> sent.computeIfAbsent(key, (k) -> new ArrayDeque<>()).addLast(now));
		}
		return allowedAt;
	}

	synchronized void block(Collection<String> keys, Instant until) {
		keys.forEach((key) -> blockedUntil.merge(key, until, (a, b) -> a.isAfter(b) ? a : b));
	}

	private Instant earliest(String key, Instant now) {
		Instant blocked = blockedUntil.get(key);
		if (blocked != null && blocked.isAfter(now)) {
			return blocked;
		}
		Deque<Instant> window = sent.getOrDefault(key, new ArrayDeque<>());
		while (!window.isEmpty() && !window.peekFirst().plus(WINDOW).isAfter(now)) {
			window.removeFirst();
		}
		return (window.size() < perMinute) ? now : window.peekFirst().plus(WINDOW);
	}

}
