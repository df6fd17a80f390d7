package io.jingling.connectors.wechat.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

// The Official Account's /cgi-bin/token and access_token check: tokens only for the configured
// app id and secret. Unlike WeCom, every fetch issues a new token and the previous one keeps
// working for 5 more minutes only, then answers 40001 ("not latest"), so hub nodes fetching
// their own tokens push each other out. A token lives 7200 s (then 42001). Judged by the
// simulator's clock.
final class SimulatedMpTokens {

	static final Duration LIFETIME = Duration.ofSeconds(7200);

	static final Duration OVERLAP = Duration.ofMinutes(5);

	private final String appId;

	private final String secret;

	private final Clock clock;

	private final Map<String, Instant> expiries = new HashMap<>();

	private final Map<String, Instant> supersededAt = new HashMap<>();

	private String current;

	SimulatedMpTokens(String appId, String secret, Clock clock) {
		this.appId = appId;
		this.secret = secret;
		this.clock = clock;
	}

	synchronized Answer issue(String grantType, String appId, String secret) {
		if (!"client_credential".equals(grantType)) {
			return Answer.error(40002, "invalid grant_type");
		}
		if (appId == null || appId.isEmpty()) {
			return Answer.error(41002, "appid missing");
		}
		if (secret == null || secret.isEmpty()) {
			return Answer.error(41004, "appsecret missing");
		}
		if (!this.appId.equals(appId)) {
			return Answer.error(40013, "invalid appid");
		}
		if (!this.secret.equals(secret)) {
			return Answer.error(40001, "invalid credential, access_token is invalid or not latest");
		}
		Instant now = this.clock.instant();
		if (this.current != null) {
			this.supersededAt.put(this.current, now);
		}
		this.current = "sim-mp-token-" + UUID.randomUUID();
		this.expiries.put(this.current, now.plus(LIFETIME));
		// the platform's success answer carries no errcode
		return Answer.json(Answer.mapper()
			.createObjectNode()
			.put("access_token", this.current)
			.put("expires_in", LIFETIME.toSeconds()));
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
		Instant now = this.clock.instant();
		if (!expiry.isAfter(now)) {
			return Optional.of(Answer.error(42001, "access_token expired"));
		}
		Instant superseded = this.supersededAt.get(token);
		if (superseded != null && !superseded.plus(OVERLAP).isAfter(now)) {
			return Optional.of(Answer.error(40001, "invalid credential, access_token is invalid or not latest"));
		}
		return Optional.empty();
	}

}
