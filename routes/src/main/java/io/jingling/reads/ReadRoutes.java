package io.jingling.reads;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.inbound.CallbackRefusal;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/**
 * {@code GET /api/orders/{code}/timeline}: an order's per-recipient timeline as JSON, for
 * logged-in admins, dispatchers and viewers (see the security configuration).
 */
@Component
class ReadRoutes extends RouteBuilder {

	private final ReadReports reports;

	private final ObjectMapper json;

	ReadRoutes(ReadReports reports, ObjectMapper json) {
		this.reports = reports;
		this.json = json;
	}

	@Override
	public void configure() {
		// @formatter:off
		from("platform-http:/api/orders/{code}/timeline?httpMethodRestrict=GET")
			.routeId("api-order-timeline")
			.routeConfigurationId("jingling-callbacks")
			.process(this::answer).id("order-timeline");
		// @formatter:on
	}

	private void answer(Exchange exchange) throws Exception {
		String code = exchange.getMessage().getHeader("code", "", String.class);
		var timeline = this.reports.timeline(code);
		if (timeline.isEmpty()) {
			throw CallbackRefusal.of(404, "no such order");
		}
		var message = exchange.getMessage();
		message.removeHeaders("*");
		message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
		message.setHeader(Exchange.CONTENT_TYPE, "application/json");
		message.setBody(this.json.writeValueAsString(timeline.get()));
	}

}
