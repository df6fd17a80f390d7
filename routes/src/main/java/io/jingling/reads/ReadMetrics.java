package io.jingling.reads;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Read metrics per unit: {@code jingling.order.recipients} (targets of tracked orders),
 * {@code jingling.order.reads} (of them, who has read) and
 * {@code jingling.order.time-to-read} (from sending to the poll that saw the read, so as
 * fine as the poll schedule). Read rate = reads / recipients.
 */
@Component
class ReadMetrics {

	private final MeterRegistry registry;

	ReadMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void targets(String unit, int count) {
		this.registry.counter("jingling.order.recipients", "unit", unit).increment(count);
	}

	void read(String unit, Duration timeToRead) {
		this.registry.counter("jingling.order.reads", "unit", unit).increment();
		Timer.builder("jingling.order.time-to-read")
			.tag("unit", unit)
			.publishPercentiles(0.5, 0.9)
			.register(this.registry)
			.record(timeToRead);
	}

}
