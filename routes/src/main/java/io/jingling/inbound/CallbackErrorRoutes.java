package io.jingling.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * How every callback route refuses: the platform gets a clear status, the log gets one
 * masked line, and nothing was stored.
 */
@Component
class CallbackErrorRoutes extends RouteConfigurationBuilder {

	private static final Logger log = LoggerFactory.getLogger(CallbackErrorRoutes.class);

	@Override
	public void configuration() {
		routeConfiguration("jingling-callbacks").onException(CallbackRefusedException.class)
			.handled(true)
			.process(CallbackErrorRoutes::refuse);
	}

	private static void refuse(Exchange exchange) {
		var refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, CallbackRefusedException.class);
		log.warn("callback.refused {} route={} status={}", refusal.reason(), exchange.getFromRouteId(),
				refusal.status());
		var message = exchange.getMessage();
		message.removeHeaders("*");
		message.setHeader(Exchange.HTTP_RESPONSE_CODE, refusal.status());
		message.setHeader(Exchange.CONTENT_TYPE, "application/json");
		message.setBody("{\"error\":\"" + refusal.reason() + "\"}");
	}

}
