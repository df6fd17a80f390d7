package io.jingling.outbox;

import io.jingling.connectors.ConnectorException;
import io.jingling.support.Endpoints;
import io.jingling.support.JinglingHeaders;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/**
 * Delivers due outbox rows through the connectors: on a poll, and at once when rows are
 * added.
 */
@Component
class OutboxDeliveryRoutes extends RouteBuilder {

	static final String PACING_KEYS = "JinglingPacingKeys";

	private final DeliveryPlanner planner;

	private final DeliveryOutcomes outcomes;

	private final InDoubtRecovery inDoubt;

	OutboxDeliveryRoutes(DeliveryPlanner planner, DeliveryOutcomes outcomes, InDoubtRecovery inDoubt) {
		this.planner = planner;
		this.outcomes = outcomes;
		this.inDoubt = inDoubt;
	}

	@Override
	public void configure() {
		// @formatter:off
		from("timer:outbox-poll?period={{jingling.outbox.poll-period:500}}")
			.routeId("outbox-poll")
			.to(Endpoints.OUTBOX_DELIVER);

		from(Endpoints.OUTBOX_WAKEUP)
			.routeId("outbox-wakeup")
			.to(Endpoints.OUTBOX_DELIVER);

		from("timer:outbox-in-doubt?delay=0&period={{jingling.outbox.in-doubt-check:30000}}")
			.routeId("outbox-in-doubt")
			.bean(inDoubt, "recover");

		from(Endpoints.OUTBOX_DELIVER)
			.routeId("outbox-deliver")
			.bean(planner, "claimDue").id("claim-due")
			.split(body())
				.setProperty(PACING_KEYS, simple("${body.pacingKeys}"))
				.setHeader(JinglingHeaders.OUTBOX_IDS, simple("${body.rowIds}"))
				.setHeader(JinglingHeaders.OPERATION, simple("${body.operation}"))
				.setBody(simple("${body.request}"))
				.filter(method(this.outcomes, "stillClaimed"))                       // in-doubt recovery may have taken them back
				.doTry()
					.toD("${header." + JinglingHeaders.OPERATION + "}").id("send")
					.bean(outcomes, "sent").id("record-sent")
				.doCatch(ConnectorException.class)
					.bean(outcomes, "failed").id("record-failed")
				.end()
				.end()
			.end();
		// @formatter:on
	}

}
