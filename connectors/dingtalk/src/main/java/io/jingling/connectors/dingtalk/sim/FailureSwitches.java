package io.jingling.connectors.dingtalk.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.jingling.connectors.dingtalk.sim.DingTalkSimulator.Failure;

// Failures queued per path; each call on the path consumes one, then normal service resumes.
final class FailureSwitches {

	private final Map<String, Deque<Failure>> pending = new HashMap<>();

	synchronized void add(String path, Failure failure, int times) {
		Deque<Failure> queue = this.pending.computeIfAbsent(path, (key) -> new ArrayDeque<>());
		for (int i = 0; i < times; i++) {
			queue.addLast(failure);
		}
	}

	synchronized Optional<Failure> next(String path) {
		Deque<Failure> queue = this.pending.get(path);
		return Optional.ofNullable((queue != null) ? queue.pollFirst() : null);
	}

	synchronized void clear() {
		this.pending.clear();
	}

	// What the platform answers for a failure: v1.0 paths answer by HTTP status, webhooks
	// and the old API by errcode.
	static Answer answer(Failure failure, Style style) {
		return switch (style) {
			case WEBHOOK -> switch (failure) {
				case THROTTLED -> Answer.webhook(410100, "send too fast");
				case TOKEN_EXPIRED -> Answer.webhook(300001, "session is not exist");
				case BUSY -> Answer.webhook(-1, "system busy");
				case BAD_REQUEST -> Answer.webhook(460101, "message too long, exceed 20000 bytes");
			};
			case OAPI -> switch (failure) {
				case THROTTLED -> Answer.oapiError(90018, "请求的api被限流");
				case TOKEN_EXPIRED -> Answer.oapiAuth("40014", "不合法的access_token");
				case BUSY -> Answer.oapiError(-1, "系统繁忙");
				case BAD_REQUEST -> Answer.oapiError(SimulatedWorkNotices.INVALID_PARAMETER, "不合法的参数");
			};
			case API -> switch (failure) {
				case THROTTLED -> Answer.error(403, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", "qps limited");
				case TOKEN_EXPIRED -> Answer.error(400, "InvalidAuthentication", "不合法的access_token");
				case BUSY -> Answer.error(500, "system.error", "系统繁忙");
				case BAD_REQUEST -> Answer.error(400, "invalidParameter.msgParam.invalid", "msgParam is invalid");
			};
		};
	}

	// How a path answers: the v1.0 API, a session webhook, or the old API (oapi).
	enum Style {

		API, WEBHOOK, OAPI

	}

}
