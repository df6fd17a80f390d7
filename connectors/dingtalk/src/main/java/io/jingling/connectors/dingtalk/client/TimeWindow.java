package io.jingling.connectors.dingtalk.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

// A half-open span of time, [start, end). DingTalk's query calls take a limited range, so a longer
// one is asked for in consecutive windows.
record TimeWindow(Instant start, Instant end) {

	// Consecutive windows of at most span covering [from, to); none when from equals to.
	static List<TimeWindow> split(Instant from, Instant to, Duration span) {
		requireRange(from, to);
		List<TimeWindow> windows = new ArrayList<>();
		Instant start = from;
		while (start.isBefore(to)) {
			Instant end = start.plus(span).isBefore(to) ? start.plus(span) : to;
			windows.add(new TimeWindow(start, end));
			start = end;
		}
		return windows;
	}

	static void requireRange(Instant from, Instant to) {
		if (from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException("A DingTalk query range needs from <= to, got " + from + " to " + to);
		}
	}

	// The last millisecond in the window: the old API's ranges include their end.
	long lastMilli() {
		return this.end.toEpochMilli() - 1;
	}

}
