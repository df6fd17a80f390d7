package io.jingling.connectors.dingtalk.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

// The token endpoint and token checks as DingTalk does them: a token lives 7200 s, asking again
// while it is valid returns the same token with its lifetime extended, and after expiry a new one is
// issued. Validity is judged by the simulator's clock, so tests can expire tokens by advancing it.
final class SimulatedTokens {

	static final Duration LIFETIME = Duration.ofSeconds(7200);

	private final String appKey;

	private final String appSecret;

	private final Clock clock;

	private final Map<String, Instant> expiries = new HashMap<>();

	private String current;

	SimulatedTokens(String appKey, String appSecret, Clock clock) {
		this.appKey = appKey;
		this.appSecret = appSecret;
		this.clock = clock;
	}

	synchronized Answer issue(JsonNode request) {
		if (!this.appKey.equals(text(request, "appKey")) || !this.appSecret.equals(text(request, "appSecret"))) {
			return Answer.error(400, "invalidClientIdOrSecret", "无效的clientId或者clientSecret");
		}
		Instant now = this.clock.instant();
		if (this.current == null || !valid(this.current, now)) {
			this.current = "sim-token-" + UUID.randomUUID();
		}
		this.expiries.put(this.current, now.plus(LIFETIME));
		return Answer.ok(Answer.json()
			.createObjectNode()
			.put("accessToken", this.current)
			.put("expireIn", LIFETIME.toSeconds()));
	}

	// The refusal a v1.0 call gets for this token header, or empty when the token is
	// good.
	synchronized Optional<Answer> refusal(String tokenHeader) {
		if (tokenHeader == null || tokenHeader.isBlank()) {
			return Optional.of(Answer.error(400, "AuthenticationFailed.MissingParameter",
					"x-acs-dingtalk-access-token is missing"));
		}
		if (!valid(tokenHeader, this.clock.instant())) {
			return Optional.of(Answer.error(400, "InvalidAuthentication", "不合法的access_token"));
		}
		return Optional.empty();
	}

	// The refusal an old-API (oapi) call gets for this access_token query parameter, or
	// empty when the token is good: the same tokens, answered old-API style.
	synchronized Optional<Answer> oapiRefusal(String accessToken) {
		if (accessToken == null || accessToken.isBlank()) {
			return Optional.of(Answer.oapiAuth("40000", "access_token is blank"));
		}
		if (!valid(accessToken, this.clock.instant())) {
			return Optional.of(Answer.oapiAuth("40014", "不合法的access_token"));
		}
		return Optional.empty();
	}

	synchronized void expireAll() {
		this.expiries.clear();
		this.current = null;
	}

	private boolean valid(String token, Instant now) {
		Instant expiry = this.expiries.get(token);
		return expiry != null && expiry.isAfter(now);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && value.isTextual()) ? value.asText() : null;
	}

}
