package io.jingling.connectors.dingtalk.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.jingling.connectors.dingtalk.callback.RobotCallbackVerifier.Verdict;
import io.jingling.connectors.dingtalk.sim.RobotCallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RobotCallbackVerifierTest {

	private static final String SECRET = "hub-test-app-secret-0001";

	private static final long SIGNED_AT = 1_700_000_000_000L;

	private static final String KNOWN_SIGN = "KvZG9tC+MppvewcUhDipsVha3yIAytDhKaGzt23UYr0=";

	private final RobotCallbackVerifier verifier = verifierAt(Instant.ofEpochMilli(SIGNED_AT).plusSeconds(30));

	@Test
	void signsLikeDingTalk() {
		assertThat(RobotCallbackVerifier.sign(SECRET, SIGNED_AT)).isEqualTo(KNOWN_SIGN);
	}

	@Test
	void acceptsTheKnownVector() {
		assertThat(this.verifier.verify("1700000000000", KNOWN_SIGN)).isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void acceptsWhatTheSimulatorSigns() {
		var headers = RobotCallbacks.signedHeaders(SECRET, SIGNED_AT);
		assertThat(headers).containsEntry("timestamp", "1700000000000").containsEntry("sign", KNOWN_SIGN);
		assertThat(this.verifier.verify(headers.get("timestamp"), headers.get("sign"))).isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void acceptsUpToAnHourEitherWay() {
		Instant signedAt = Instant.ofEpochMilli(SIGNED_AT);
		assertThat(verifierAt(signedAt.plus(Duration.ofHours(1))).verify("1700000000000", KNOWN_SIGN))
			.isEqualTo(Verdict.ACCEPTED);
		assertThat(verifierAt(signedAt.minus(Duration.ofHours(1))).verify("1700000000000", KNOWN_SIGN))
			.isEqualTo(Verdict.ACCEPTED);
	}

	@Test
	void refusesStaleTimestampsEitherWay() {
		Instant signedAt = Instant.ofEpochMilli(SIGNED_AT);
		assertThat(verifierAt(signedAt.plus(Duration.ofHours(1)).plusMillis(1)).verify("1700000000000", KNOWN_SIGN))
			.isEqualTo(Verdict.STALE);
		assertThat(verifierAt(signedAt.minus(Duration.ofHours(1)).minusMillis(1)).verify("1700000000000", KNOWN_SIGN))
			.isEqualTo(Verdict.STALE);
	}

	@Test
	void refusesMissingHeaders() {
		assertThat(this.verifier.verify(null, KNOWN_SIGN)).isEqualTo(Verdict.MISSING);
		assertThat(this.verifier.verify("1700000000000", null)).isEqualTo(Verdict.MISSING);
		assertThat(this.verifier.verify(" ", "")).isEqualTo(Verdict.MISSING);
	}

	@Test
	void refusesNonNumericTimestampWithoutThrowing() {
		assertThat(this.verifier.verify("yesterday", KNOWN_SIGN)).isEqualTo(Verdict.MISSING);
		assertThat(this.verifier.verify("99999999999999999999999", KNOWN_SIGN)).isEqualTo(Verdict.MISSING);
	}

	@Test
	void refusesForgedSignatures() {
		assertThat(this.verifier.verify("1700000000000", RobotCallbackVerifier.sign("another-secret", SIGNED_AT)))
			.isEqualTo(Verdict.BAD_SIGNATURE);
		assertThat(this.verifier.verify("1700000000001", KNOWN_SIGN)).isEqualTo(Verdict.BAD_SIGNATURE);
		assertThat(this.verifier.verify("1700000000000", "KvZG9tC%2BMppvewcUhDipsVha3yIAytDhKaGzt23UYr0%3D"))
			.as("a URL-encoded sign is not what DingTalk sends")
			.isEqualTo(Verdict.BAD_SIGNATURE);
	}

	@Test
	void refusesToStartWithoutSecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RobotCallbackVerifier(" ", Clock.systemUTC()))
			.withMessageContaining("jingling.dingtalk.app-secret");
	}

	private static RobotCallbackVerifier verifierAt(Instant now) {
		return new RobotCallbackVerifier(SECRET, Clock.fixed(now, ZoneOffset.UTC));
	}

}
