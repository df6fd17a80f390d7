package io.jingling.inbound;

import io.jingling.support.Endpoints;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/**
 * DingTalk's robot callback (HTTP mode): verify, parse, store once, answer fast, work
 * after.
 */
@Component
class DingTalkCallbackRoutes extends RouteBuilder {

	private final RobotCallbackGate gate;

	private final RobotCallbackParser parser;

	private final Inbox inbox;

	DingTalkCallbackRoutes(RobotCallbackGate gate, RobotCallbackParser parser, Inbox inbox) {
		this.gate = gate;
		this.parser = parser;
		this.inbox = inbox;
	}

	@Override
	public void configure() {
		// @formatter:off
		from("platform-http:/callbacks/dingtalk/robot?httpMethodRestrict=POST")
			.routeId("dingtalk-robot-callback")
			.routeConfigurationId("jingling-callbacks")
			.process(gate).id("verify-signature")                    // refuses before anything changes
			.bean(parser, "parse").id("parse-callback")
			.bean(inbox, "store").id("store-in-inbox")               // unique on msgId: a retry stores nothing new
			.filter(body().isNotNull())
				.to(ExchangePattern.InOnly, Endpoints.INBOX_HAND_OFF).id("hand-to-engine")  // the work happens after the answer
			.end()
			.removeHeaders("*")
			.setHeader("Content-Type", constant("application/json"))
			.setBody(constant("{}"));                                // answer fast: DingTalk retries slow callbacks
		// @formatter:on
	}

}
