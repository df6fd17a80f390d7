package io.jingling.connectors.sms.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

// Codes queued by failNext: each signed call (any action) consumes one, then normal service
// resumes. isv.* and isp.* codes are business answers (HTTP 200); the gateway's own codes are
// HTTP errors, as the real platform sends them.
final class FailureSwitches {

	private static final Map<String, String> MESSAGES = Map.of("isv.BUSINESS_LIMIT_CONTROL", "触发天级流控Permits:50",
			"isv.MOBILE_NUMBER_ILLEGAL", "非法手机号", "isv.AMOUNT_NOT_ENOUGH", "账户余额不足", "isp.SYSTEM_ERROR", "系统错误",
			"Throttling.User", "Request was denied due to user flow control.");

	private final Deque<Answer> pending = new ArrayDeque<>();

	synchronized void add(String code, String message, int times) {
		for (int i = 0; i < times; i++) {
			this.pending.addLast(answer(code, (message != null) ? message : MESSAGES.getOrDefault(code, code)));
		}
	}

	synchronized Optional<Answer> next() {
		return Optional.ofNullable(this.pending.pollFirst());
	}

	synchronized void clear() {
		this.pending.clear();
	}

	private static Answer answer(String code, String message) {
		if (code.startsWith("isv.") || code.startsWith("isp.")) {
			return Answer.business(code, message);
		}
		if (code.equals("ServiceUnavailable")) {
			return Answer.error(503, code, message);
		}
		return Answer.error(code.equals("InternalError") ? 500 : 400, code, message);
	}

}
