package io.jingling.connectors.dingtalk.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// One app's access token. DingTalk throttles apps that ask for a token per request, so the token is
// kept until fewer than REFRESH_MARGIN remain, and concurrent callers wait for one refresh
// instead of each asking. The v1.0 API and the old API (oapi) take the same token.
final class AccessTokenCache {

	private static final Logger log = LoggerFactory.getLogger(AccessTokenCache.class);

	// The official quick-start refreshes 10 minutes early; so do we.
	static final Duration REFRESH_MARGIN = Duration.ofMinutes(10);

	private final Supplier<IssuedToken> issuer;

	private final Clock clock;

	private volatile IssuedToken current;

	AccessTokenCache(Supplier<IssuedToken> issuer, Clock clock) {
		this.issuer = issuer;
		this.clock = clock;
	}

	String token() {
		IssuedToken token = this.current;
		if (fresh(token)) {
			return token.value();
		}
		synchronized (this) {
			if (!fresh(this.current)) {
				this.current = this.issuer.get();
			}
			return this.current.value();
		}
	}

	// Calls once with the token; when DingTalk rejects it (TokenRejectedException), drops
	// it, refreshes and calls once more, never again.
	<T> T withToken(String operation, Function<String, T> call) {
		String token = token();
		try {
			return call.apply(token);
		}
		catch (TokenRejectedException rejected) {
			discard(token);
			log.info("dingtalk.token rejected operation={} code={}, refreshing once", operation, rejected.code());
			String fresh = token();
			try {
				return call.apply(fresh);
			}
			catch (TokenRejectedException again) {
				discard(fresh);
				throw again;
			}
		}
	}

	// Forgets rejected unless another caller has already replaced it.
	synchronized void discard(String rejected) {
		if (this.current != null && this.current.value().equals(rejected)) {
			this.current = null;
		}
	}

	private boolean fresh(IssuedToken token) {
		return token != null && token.expiresAt().minus(REFRESH_MARGIN).isAfter(this.clock.instant());
	}

	record IssuedToken(String value, Instant expiresAt) {

		@Override
		public String toString() { // the token itself never reaches logs
			return "IssuedToken[expiresAt=" + this.expiresAt + "]";
		}

	}

}
