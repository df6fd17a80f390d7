package io.jingling.connectors.dingtalk.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReadingProfileTest {

	@Test
	void neverReadsAndAfterReadsEverybody() {
		assertThat(ReadingProfile.never().readAfter("officer001")).isEmpty();
		assertThat(ReadingProfile.after(Duration.ofMinutes(3)).readAfter("anyone")).contains(Duration.ofMinutes(3));
		assertThatIllegalArgumentException().isThrownBy(() -> ReadingProfile.after(Duration.ofSeconds(-1)));
	}

	@Test
	void ofReadsOnlyTheUsersItNames() {
		ReadingProfile profile = ReadingProfile.of(Map.of("officer001", Duration.ofMinutes(2)));

		assertThat(profile.readAfter("officer001")).contains(Duration.ofMinutes(2));
		assertThat(profile.readAfter("officer002")).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReadingProfile.of(Map.of("officer001", Duration.ofMinutes(-2))));
	}

	@Test
	void demoIsTheSameOnEveryRunAndSpreadLikeADutyRoster() {
		List<String> users = IntStream.range(0, 2000).mapToObj((i) -> "officer%04d".formatted(i)).toList();
		List<Optional<Duration>> delays = users.stream().map(ReadingProfile.demo()::readAfter).toList();

		assertThat(users.stream().map(ReadingProfile.demo()::readAfter).toList()).isEqualTo(delays);
		long quick = delays.stream()
			.flatMap(Optional::stream)
			.filter((d) -> d.compareTo(Duration.ofMinutes(1)) >= 0 && d.compareTo(Duration.ofMinutes(5)) <= 0)
			.count();
		long slow = delays.stream()
			.flatMap(Optional::stream)
			.filter((d) -> d.compareTo(Duration.ofMinutes(10)) >= 0 && d.compareTo(Duration.ofMinutes(40)) <= 0)
			.count();
		long never = delays.stream().filter(Optional::isEmpty).count();
		assertThat(quick + slow + never).as("every delay falls in a window").isEqualTo(users.size());
		assertThat(quick).isBetween(1300L, 1500L);
		assertThat(slow).isBetween(320L, 480L);
		assertThat(never).isBetween(140L, 260L);
	}

}
