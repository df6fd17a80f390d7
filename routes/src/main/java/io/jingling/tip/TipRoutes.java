package io.jingling.tip;

import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/** Purges expired tip content on a timer. */
@Component
class TipRoutes extends RouteBuilder {

	private final TipRetention retention;

	TipRoutes(TipRetention retention) {
		this.retention = retention;
	}

	@Override
	public void configure() {
		// @formatter:off
		from("timer:tip-retention?delay=60000&period={{jingling.tips.retention-check:3600000}}")
			.routeId("tip-retention")
			.bean(this.retention, "purge");
		// @formatter:on
	}

}
