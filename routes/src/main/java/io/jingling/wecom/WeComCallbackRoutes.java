package io.jingling.wecom;

import io.jingling.support.Endpoints;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/**
 * WeCom's callback: the GET URL check, and POSTed events verified, decrypted, stored once
 * (by MsgId, or sender and time for events) and answered at once — WeCom gives up after 5
 * seconds and retries, so the work happens after the answer, from the inbox.
 */
@Component
class WeComCallbackRoutes extends RouteBuilder {

	private final WeComCallbackGate gate;

	private final WeComInbox inbox;

	WeComCallbackRoutes(WeComCallbackGate gate, WeComInbox inbox) {
		this.gate = gate;
		this.inbox = inbox;
	}

	@Override
	public void configure() {
		// @formatter:off
		from("platform-http:/callbacks/wecom?httpMethodRestrict=GET,POST")
			.routeId("wecom-callback")
			.routeConfigurationId("jingling-callbacks")
			.choice()
				.when(header(Exchange.HTTP_METHOD).isEqualTo("GET"))
					.bean(this.gate, "verifyUrl").id("wecom-verify-url")            // answer the decrypted echo, nothing stored
				.otherwise()
					.convertBodyTo(String.class)
					.bean(this.gate, "open").id("wecom-verify-and-decrypt")         // refuses before anything changes
					.bean(this.inbox, "store").id("wecom-store-in-inbox")           // a retry or replay stores nothing new
					.filter(body().isNotNull())
						.to(ExchangePattern.InOnly, Endpoints.INBOX_HAND_OFF).id("wecom-hand-to-engine")
					.end()
					.setBody(constant(""))
			.end()
			.removeHeaders("*")
			.setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))                // an empty 204 would count as a failure
			.setHeader(Exchange.CONTENT_TYPE, constant("text/plain; charset=utf-8"));
		// @formatter:on
	}

}
