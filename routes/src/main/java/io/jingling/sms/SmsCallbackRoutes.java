package io.jingling.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import java.util.List;

import io.jingling.connectors.sms.push.SmsPushes;
import io.jingling.connectors.sms.push.SmsUpMessage;
import io.jingling.inbound.CallbackRefusal;
import io.jingling.inbound.Inbox;
import io.jingling.support.Endpoints;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Aliyun's HTTP batch pushes: delivery receipts at {@code POST
 * /callbacks/sms/{token}/report} and informants' replies at {@code POST
 * /callbacks/sms/{token}/up}. Aliyun signs neither, so the path carries an unguessable
 * token ({@code jingling.sms.callback-token}); a wrong token gets 404 and changes
 * nothing. Answers follow Aliyun's {@code {"code":0,"msg":"..."}} contract.
 */
@Component
class SmsCallbackRoutes extends RouteBuilder {

	static final String UP = "sms-up";

	private final byte[] token;

	private final SmsReceipts receipts;

	private final Inbox inbox;

	SmsCallbackRoutes(@Value("${jingling.sms.callback-token:}") String token, SmsReceipts receipts, Inbox inbox) {
		this.token = token.getBytes(StandardCharsets.UTF_8);
		this.receipts = receipts;
		this.inbox = inbox;
	}

	@Override
	public void configure() {
		// @formatter:off
		from("platform-http:/callbacks/sms/{token}/report?httpMethodRestrict=POST")
			.routeId("sms-report-callback")
			.routeConfigurationId("jingling-callbacks")
			.process(this::checkToken).id("check-sms-token")
			.bean(this.receipts, "recordPush").id("record-receipts")
			.to("direct:sms-ack");

		from("platform-http:/callbacks/sms/{token}/up?httpMethodRestrict=POST")
			.routeId("sms-up-callback")
			.routeConfigurationId("jingling-callbacks")
			.process(this::checkToken).id("check-sms-up-token")
			.bean(this, "replies").id("parse-replies")
			.split(body())
				.bean(this, "store").id("store-reply")
				.filter(body().isNotNull())
					.to(ExchangePattern.InOnly, Endpoints.INBOX_HAND_OFF).id("hand-reply-to-engine")
				.end()
			.end()
			.to("direct:sms-ack");

		from("direct:sms-ack")
			.routeId("sms-ack")
			.removeHeaders("*")
			.setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200))
			.setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
			.setBody(constant(SmsPushes.ACK));
		// @formatter:on
	}

	/** The replies of one push; a body that is not Aliyun's JSON array is refused. */
	public List<SmsUpMessage> replies(String body) {
		try {
			return SmsPushes.replies(body);
		}
		catch (IllegalArgumentException ex) {
			throw CallbackRefusal.of(400, "malformed push");
		}
	}

	/**
	 * Stores a reply in the inbox, once per Aliyun sequence id; null when seen before.
	 */
	public Long store(SmsUpMessage reply) {
		return this.inbox.store("sms", "up:" + reply.sequenceId(), UP, reply);
	}

	private void checkToken(Exchange exchange) {
		String given = exchange.getMessage().getHeader("token", "", String.class);
		if (this.token.length == 0 || !MessageDigest.isEqual(this.token, given.getBytes(StandardCharsets.UTF_8))) {
			throw CallbackRefusal.of(404, "not found");
		}
		exchange.getMessage().removeHeader("token");
	}

}
