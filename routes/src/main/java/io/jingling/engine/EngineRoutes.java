package io.jingling.engine;

import java.time.Duration;

import io.jingling.inbound.Inbox;
import io.jingling.support.Endpoints;
import org.apache.camel.builder.RouteBuilder;

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

	private final InboxProcessor processor;

	private final Inbox inbox;

	EngineRoutes(InboxProcessor processor, Inbox inbox) {
		this.processor = processor;
		this.inbox = inbox;
	}

	@Override
	public void configure() {
		// @formatter:off
		from(Endpoints.INBOX_TO_ENGINE + "&concurrentConsumers={{jingling.engine.consumers:2}}")
			.routeId("inbox-to-engine")
			.bean(processor, "process").id("evaluate-and-apply");

		from("timer:inbox-recover?delay=0&period={{jingling.inbox.recover-period:5000}}")
			.routeId("inbox-recover")
			.process((exchange) -> exchange.getMessage().setBody(inbox.stranded(STRANDED_AFTER, 500)))
			.split(body())
				.bean(processor, "process");
		// @formatter:on
	}

}
