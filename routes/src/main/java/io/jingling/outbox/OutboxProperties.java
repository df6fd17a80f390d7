package io.jingling.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery settings under {@code jingling.outbox.*}.
 *
 * @param pollPeriod how often due rows are looked for (a new row also wakes delivery at
 * once)
 * @param batchSize rows planned per pass
 * @param maxAttempts attempts before a transiently failing row is dead-lettered
 * @param retryBase first retry delay, doubled per attempt
 * @param retryMax longest retry delay
 * @param inDoubtAfter how long a row may stay claimed before it is judged in doubt
 */
@ConfigurationProperties("jingling.outbox")
public record OutboxProperties(@DefaultValue("500ms") Duration pollPeriod, @DefaultValue("200") int batchSize,
		@DefaultValue("6") int maxAttempts, @DefaultValue("2s") Duration retryBase,
		@DefaultValue("5m") Duration retryMax, @DefaultValue("2m") Duration inDoubtAfter) {

	Duration retryDelay(int attempts) {
		long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
		Duration delay = retryBase.multipliedBy(factor);
		return (delay.compareTo(retryMax) > 0) ? retryMax : delay;
	}

}
