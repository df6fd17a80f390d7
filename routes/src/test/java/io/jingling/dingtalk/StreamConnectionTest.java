package io.jingling.dingtalk;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.jingling.connectors.TransientConnectorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Stream connection does not hold up the hub's start: an attempt that fails is tried
 * again until one opens, and closing closes only what was opened.
 */
class StreamConnectionTest {

	@Test
	void triesAgainUntilTheConnectionOpensAndClosesIt() {
		AtomicInteger attempts = new AtomicInteger();
		AtomicInteger closed = new AtomicInteger();
		StreamConnection connection = new StreamConnection(() -> {
			if (attempts.incrementAndGet() < 3) {
				throw new TransientConnectorException("dingtalk", "stream.open", "gateway unreachable");
			}
		}, closed::incrementAndGet, Duration.ofMillis(20));

		connection.start();
		await().atMost(Duration.ofSeconds(5)).until(connection::opened);
		assertThat(attempts).hasValue(3);

		connection.stop();
		assertThat(closed).hasValue(1);
		assertThat(connection.isRunning()).isFalse();
	}

	@Test
	void closesNothingWhenTheConnectionNeverOpened() {
		AtomicInteger closed = new AtomicInteger();
		StreamConnection connection = new StreamConnection(() -> {
			throw new TransientConnectorException("dingtalk", "stream.open", "gateway unreachable");
		}, closed::incrementAndGet, Duration.ofMinutes(1));

		connection.start();
		connection.stop();
		assertThat(connection.opened()).isFalse();
		assertThat(closed).hasValue(0);
	}

}
