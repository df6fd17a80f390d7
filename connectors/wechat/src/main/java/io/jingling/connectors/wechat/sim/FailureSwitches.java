package io.jingling.connectors.wechat.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

// Error codes queued per path; each call on the path consumes one, then normal service resumes.
final class FailureSwitches {

	private final Map<String, Deque<Integer>> pending = new HashMap<>();

	synchronized void add(String path, int errcode, int times) {
		Deque<Integer> queue = this.pending.computeIfAbsent(path, (key) -> new ArrayDeque<>());
		for (int i = 0; i < times; i++) {
			queue.addLast(errcode);
		}
	}

	synchronized Optional<Answer> next(String path) {
		Deque<Integer> queue = this.pending.get(path);
		Integer errcode = (queue != null) ? queue.pollFirst() : null;
		return Optional.ofNullable(errcode).map((code) -> Answer.error(code, errmsg(code)));
	}

	synchronized void clear() {
		this.pending.clear();
	}

	// The English errmsg WeCom sends with these codes.
	private static String errmsg(int errcode) {
		return switch (errcode) {
			case -1 -> "system busy";
			case 40014 -> "invalid access_token";
			case 42001 -> "access_token expired";
			case 45009 -> "api freq out of limit";
			case 48002 -> "api forbidden";
			case 60020 -> "not allow to access from your ip";
			default -> "simulated failure";
		};
	}

}
