package io.jingling.connectors.wechat.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

// gettoken and the access_token check as WeCom does them: tokens only for the configured corp id
// and secret; a token lives 7200 s and asking again while it is valid returns the same one;
// afterwards a new one is issued and the old one answers 42001. Judged by the simulator's clock.
final class SimulatedTokens {

	static final Duration LIFETIME = Duration.ofSeconds(7200);

	private final String corpId;

	private final String secret;

	private final Clock clock;

	private final Map<String, Instant> expiries = new HashMap<>();

	private String current;

	SimulatedTokens(String corpId, String secret, Clock clock) {
		this.corpId = corpId;
		this.secret = secret;
		this.clock = clock;
	}

	synchronized Answer issue(String corpId, String secret) {
		if (corpId == null || corpId.isEmpty()) {
			return Answer.error(41002, "corpid missing");
		}
		if (secret == null || secret.isEmpty()) {
			return Answer.error(41004, "corpsecret missing");
		}
		if (!this.corpId.equals(corpId)) {
			return Answer.error(40013, "invalid corpid");
		}
		if (!this.secret.equals(secret)) {
			return Answer.error(40001, "invalid credential");
		}
		Instant now = this.clock.instant();
		if (this.current == null || !this.expiries.get(this.current).isAfter(now)) {
			this.current = "sim-token-" + UUID.randomUUID();
			this.expiries.put(this.current, now.plus(LIFETIME));
		}
		long remaining = Duration.between(now, this.expiries.get(this.current)).toSeconds();
		return Answer.json(Answer.ok().put("access_token", this.current).put("expires_in", remaining));
	}

	// The refusal a call with this access_token gets, or empty when the token is good.
	synchronized Optional<Answer> refusal(String token) {
		if (token == null || token.isEmpty()) {
			return Optional.of(Answer.error(41001, "access_token missing"));
		}
		Instant expiry = this.expiries.get(token);
		if (expiry == null) {
			return Optional.of(Answer.error(40014, "invalid access_token"));
		}
		if (!expiry.isAfter(this.clock.instant())) {
			return Optional.of(Answer.error(42001, "access_token expired"));
		}
		return Optional.empty();
	}

	// Issued tokens stay known, so callers holding one get 42001 rather than 40014.
	synchronized void expireAll() {
		this.expiries.replaceAll((token, expiry) -> Instant.MIN);
		this.current = null;
	}

}
