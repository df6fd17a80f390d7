package io.jingling.connectors.sms;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import io.jingling.connectors.sms.client.SmsBatchMessage;
import io.jingling.connectors.sms.client.SmsClient;
import io.jingling.connectors.sms.client.SmsMessage;
import io.jingling.connectors.sms.client.SmsSent;

// Turns an exchange into one client call: the SmsSent becomes the body and its BizId a header.
// It never retries: a send is not idempotent, and the outbox decides after checking receipts.
final class SmsProducer extends DefaultProducer {

	private final SmsOperation operation;

	private final SmsClient client;

	SmsProducer(SmsEndpoint endpoint, SmsOperation operation, SmsClient client) {
		super(endpoint);
		this.operation = operation;
		this.client = client;
	}

	@Override
	public void process(Exchange exchange) throws InvalidPayloadException {
		Message in = exchange.getIn();
		SmsSent sent = switch (this.operation) {
			case SEND -> this.client.send(in.getMandatoryBody(SmsMessage.class));
			case SEND_BATCH -> this.client.sendBatch(in.getMandatoryBody(SmsBatchMessage.class));
		};
		exchange.getMessage().setBody(sent);
		exchange.getMessage().setHeader(SmsConstants.BIZ_ID, sent.bizId());
	}

}
