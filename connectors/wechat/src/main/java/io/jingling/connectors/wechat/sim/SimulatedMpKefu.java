package io.jingling.connectors.wechat.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

// Customer-service (kefu) replies of one Official Account: each follower's message opens a
// window of 48 h for at most 5 replies (the rule since June 2023); outside it the platform
// answers 45015, past the fifth reply 45047. The simulator knows followers only by what they
// wrote, so someone who never wrote gets 45015, as a silent follower would.
final class SimulatedMpKefu {

	static final Duration REPLY_WINDOW = Duration.ofHours(48);

	static final int MAX_REPLIES = 5;

	static final int OUT_OF_TIME = 45015;

	static final int OUT_OF_COUNT = 45047;

	private final Clock clock;

	private final Map<String, ReplyWindow> windows = new HashMap<>();

	SimulatedMpKefu(Clock clock) {
		this.clock = clock;
	}

	synchronized void followerWrote(String openId) {
		this.windows.put(openId, new ReplyWindow(this.clock.instant()));
	}

	synchronized Answer send(JsonNode request) {
		String openId = request.path("touser").asText("");
		if (openId.isBlank()) {
			return Answer.error(40003, "invalid openid");
		}
		if (!"text".equals(request.path("msgtype").asText(""))) {
			return Answer.error(40008, "invalid message type");
		}
		if (request.path("text").path("content").asText("").isBlank()) {
			return Answer.error(44004, "empty content");
		}
		ReplyWindow window = this.windows.get(openId);
		if (window == null || !window.opened.plus(REPLY_WINDOW).isAfter(this.clock.instant())) {
			return Answer.error(OUT_OF_TIME, "response out of time limit or subscription is canceled");
		}
		if (window.replies >= MAX_REPLIES) {
			return Answer.error(OUT_OF_COUNT, "out of response count limit");
		}
		window.replies++;
		return Answer.json(Answer.ok());
	}

	private static final class ReplyWindow {

		private final Instant opened;

		private int replies;

		ReplyWindow(Instant opened) {
			this.opened = opened;
		}

	}

}
