package io.jingling.reads;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.inbound.CallbackRefusal;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/orders/{code}/timeline}: an order's per-recipient timeline as JSON.
 * Until console users and roles exist, the API answers only a bearer token
 * ({@code jingling.api.token}); with no token configured it answers nobody.
 */
@Component
class ReadRoutes extends RouteBuilder {

	private final byte[] token;

	private final ReadReports reports;

	private final ObjectMapper json;

	ReadRoutes(@Value("${jingling.api.token:}") String token, ReadReports reports, ObjectMapper json) {
		this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
		this.reports = reports;
		this.json = json;
	}

	@Override
	public void configure() {
		// @formatter:off
		from("platform-http:/api/orders/{code}/timeline?httpMethodRestrict=GET")
			.routeId("api-order-timeline")
			.routeConfigurationId("jingling-callbacks")
			.process(this::authorise).id("check-api-token")
			.process(this::answer).id("order-timeline");
		// @formatter:on
	}

	private void authorise(Exchange exchange) {
		String given = exchange.getMessage().getHeader("Authorization", "", String.class);
		if (this.token.length == "Bearer ".length()
				|| !MessageDigest.isEqual(this.token, given.getBytes(StandardCharsets.UTF_8))) {
			throw CallbackRefusal.of(401, "unauthorised");
		}
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
