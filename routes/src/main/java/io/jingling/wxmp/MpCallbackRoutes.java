package io.jingling.wxmp;

import io.jingling.connectors.wechat.mp.MpCallbackCrypto;
import io.jingling.connectors.wechat.mp.MpMessage;
import io.jingling.inbound.Inbox;
import io.jingling.support.Endpoints;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The Official Account callback: the GET URL check, and POSTed messages verified, stored
 * once by MsgId and answered {@code success} at once (the platform retries after 5
 * seconds).
 */
@Component
@ConditionalOnProperty("jingling.wxmp.app-id")
class MpCallbackRoutes extends RouteBuilder {

	static final String TYPE = "MpMessage";

	private final MpCallbackGate gate;

	private final Inbox inbox;

	MpCallbackRoutes(MpCallbackCrypto crypto, Inbox inbox) {
		this.gate = new MpCallbackGate(crypto);
		this.inbox = inbox;
	}

	@Override
	public void configure() {
		// @formatter:off
		from("platform-http:/callbacks/wxmp?httpMethodRestrict=GET,POST")
			.routeId("wxmp-callback")
			.routeConfigurationId("jingling-callbacks")
			.choice()
				.when(header(Exchange.HTTP_METHOD).isEqualTo("GET"))
					.bean(this.gate, "verifyUrl").id("wxmp-verify-url")
				.otherwise()
					.convertBodyTo(String.class)
					.bean(this.gate, "open").id("wxmp-verify")                 // refuses before anything changes
					.bean(this, "store").id("wxmp-store-in-inbox")            // a retry or replay stores nothing new
					.filter(body().isNotNull())
						.to(ExchangePattern.InOnly, Endpoints.INBOX_HAND_OFF).id("wxmp-hand-to-engine")
					.end()
					.setBody(constant("success"))
			.end()
			.removeHeaders("*")
			.setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
			.setHeader(Exchange.CONTENT_TYPE, constant("text/plain; charset=utf-8"));
		// @formatter:on
	}

	Long store(MpMessage message) {
		return this.inbox.store("wxmp", message.dedupeKey(), TYPE, message);
	}

}
