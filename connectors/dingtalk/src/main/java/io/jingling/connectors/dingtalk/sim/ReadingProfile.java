package io.jingling.connectors.dingtalk.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * How long each simulated user takes to read what reaches them: group messages,
 * one-to-one messages and work notifications alike. A recipient has read a message once
 * the simulator's clock reaches its send time plus {@link #readAfter(String)}; empty
 * means never (unless a test marks it read). A message keeps the profile it was sent
 * under.
 */
@FunctionalInterface
public interface ReadingProfile {

	/** How long after a message reaches {@code userId} they read it; empty: never. */
	Optional<Duration> readAfter(String userId);

	/** Nobody reads anything: the default. */
	static ReadingProfile never() {
		return (userId) -> Optional.empty();
	}

	/** Everybody reads everything {@code delay} after it arrives. */
	static ReadingProfile after(Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("A reading delay cannot be negative: " + delay);
		}
		return (userId) -> Optional.of(delay);
	}

	/** The users named read after their delay; everybody else never reads. */
	static ReadingProfile of(Map<String, Duration> delays) {
		Map<String, Duration> copy = Map.copyOf(delays);
		copy.values().forEach((delay) -> {
			if (delay.isNegative()) {
				throw new IllegalArgumentException("A reading delay cannot be negative: " + delay);
			}
		});
		return (userId) -> Optional.ofNullable(copy.get(userId));
	}

	/**
	 * A plausible duty roster for demos, the same for a userId on every run: a CRC32 of
	 * the userId puts about 70% of users in "reads within 1 to 5 minutes", 20% in "within
	 * 10 to 40 minutes" and 10% in "never", and spreads them across their window to the
	 * second.
	 */
	static ReadingProfile demo() {
		return (userId) -> {
			CRC32 crc = new CRC32();
			crc.update(Objects.requireNonNull(userId, "userId").getBytes(StandardCharsets.UTF_8));
			long hash = crc.getValue();
			long bucket = hash % 100;
			long spread = (hash / 100) % 1000; // 0..999: where in its window
			if (bucket < 70) {
				return Optional.of(Duration.ofSeconds(60 + spread * 240 / 999));
			}
			if (bucket < 90) {
				return Optional.of(Duration.ofSeconds(600 + spread * 1800 / 999));
			}
			return Optional.empty();
		};
	}

}
