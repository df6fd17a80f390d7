package io.jingling.inbound;

import io.jingling.connectors.dingtalk.callback.RobotCallbackVerifier;
import io.jingling.connectors.dingtalk.callback.RobotCallbackVerifier.Verdict;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import org.springframework.stereotype.Component;

/**
 * Admits a robot callback only when DingTalk's signature and timestamp hold and the body
 * is of a sane size. Refuses before anything is stored.
 */
@Component
class RobotCallbackGate implements Processor {

	static final int MAX_BODY_BYTES = 64 * 1024;

	private final RobotCallbackVerifier verifier;

	RobotCallbackGate(RobotCallbackVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public void process(Exchange exchange) {
		Verdict verdict = verifier.verify(exchange.getMessage().getHeader("timestamp", String.class),
				exchange.getMessage().getHeader("sign", String.class));
		switch (verdict) {
			case ACCEPTED -> checkSize(exchange);
			case MISSING -> throw new CallbackRefusedException(401, "missing-signature");
			case STALE -> throw new CallbackRefusedException(401, "stale-timestamp");
			case BAD_SIGNATURE -> throw new CallbackRefusedException(401, "bad-signature");
		}
	}

	private static void checkSize(Exchange exchange) {
		Long declared = exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class);
		byte[] body = exchange.getMessage().getBody(byte[].class);
		if ((declared != null && declared > MAX_BODY_BYTES) || (body != null && body.length > MAX_BODY_BYTES)) {
			throw new CallbackRefusedException(413, "body-too-large");
		}
		exchange.getMessage().setBody(body);
	}

}
