package io.jingling.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTest {

	private static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");

	@Test
	void allowsTheConfiguredSendsPerMinuteThenTheOldestPlusAMinute() {
		var pacer = new Pacer(3);
		for (int i = 0; i < 3; i++) {
			assertThat(pacer.reserve(List.of("robot"), T0.plusSeconds(i))).isEqualTo(T0.plusSeconds(i));
		}

		assertThat(pacer.reserve(List.of("robot"), T0.plusSeconds(10))).isEqualTo(T0.plusSeconds(60));
		assertThat(pacer.reserve(List.of("robot"), T0.plusSeconds(60))).isEqualTo(T0.plusSeconds(60));
	}

	@Test
	void takesNothingWhenOneKeyIsFull() {
		var pacer = new Pacer(1);
		pacer.reserve(List.of("robot", "group:a"), T0);

		assertThat(pacer.reserve(List.of("robot", "group:b"), T0)).isEqualTo(T0.plusSeconds(60));
		assertThat(pacer.reserve(List.of("group:b"), T0)).isEqualTo(T0);
	}

	@Test
	void keepsAThrottledKeyBlockedForItsBackoff() {
		var pacer = new Pacer(20);
		pacer.block(List.of("group:a"), T0.plus(Duration.ofMinutes(10)));

		assertThat(pacer.reserve(List.of("robot", "group:a"), T0)).isEqualTo(T0.plus(Duration.ofMinutes(10)));
		assertThat(pacer.reserve(List.of("robot"), T0)).isEqualTo(T0);
		assertThat(pacer.reserve(List.of("group:a"), T0.plus(Duration.ofMinutes(10))))
			.isEqualTo(T0.plus(Duration.ofMinutes(10)));
	}

}
