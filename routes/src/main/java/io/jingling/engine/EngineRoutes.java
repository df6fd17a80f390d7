package io.jingling.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

import io.jingling.inbound.Inbox;
import io.jingling.support.Endpoints;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Inbox events to the engine; stranded events recovered. (Rule files are watched as a
 * versioned config.)
 */
@Component
class EngineRoutes extends RouteBuilder {

	/**
	 * An event still NEW after this long was not handed off (crash, full queue): pick it
	 * up.
	 */
	private static final Duration STRANDED_AFTER = Duration.ofSeconds(10);

	private static final int BATCH = 500;

	private static final int BATCHES_PER_TICK = 20;

	private final InboxProcessor processor;

	private final Inbox inbox;

	private final int consumers;

	EngineRoutes(InboxProcessor processor, Inbox inbox, @Value("${jingling.engine.consumers:2}") int consumers) {
		this.processor = processor;
		this.inbox = inbox;
		this.consumers = consumers;
	}

	@Override
	public void configure() {
		// Camel shuts these down with the context
		ExecutorService threads = getContext().getExecutorServiceManager()
			.newFixedThreadPool(this, "inbox-recover", this.consumers);
		// @formatter:off
		from(Endpoints.INBOX_TO_ENGINE + "&concurrentConsumers=" + this.consumers)
			.routeId("inbox-to-engine")
			.bean(processor, "process").id("evaluate-and-apply");

		from("timer:inbox-recover?delay=0&period={{jingling.inbox.recover-period:5000}}")
			.routeId("inbox-recover")
			.process((exchange) -> recover(threads));
		// @formatter:on
	}

	/**
	 * Runs stranded events on as many threads as the engine has, batch after batch while
	 * batches come back full (a burst that overflowed the queue drains at the engine's
	 * pace, not a batch a tick), at most {@link #BATCHES_PER_TICK} a tick. Each event is
	 * tried once a tick: a failed one waits for the next.
	 */
	void recover(ExecutorService threads) throws InterruptedException {
		long after = 0;
		for (int batch = 0; batch < BATCHES_PER_TICK; batch++) {
			List<Long> stranded = this.inbox.stranded(STRANDED_AFTER, BATCH, after);
			threads.invokeAll(stranded.stream().map((id) -> (Callable<Void>) () -> {
				this.processor.process(id);
				return null;
			}).toList());
			if (stranded.size() < BATCH) {
				return;
			}
			after = stranded.get(stranded.size() - 1);
		}
	}

}
