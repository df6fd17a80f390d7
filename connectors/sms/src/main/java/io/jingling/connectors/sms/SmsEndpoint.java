package io.jingling.connectors.sms;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Sends SMS through Aliyun (dysmsapi 2017-05-25). Receipts and replies arrive over HTTP
 * push, not through this endpoint.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "sms", title = "Aliyun SMS", syntax = "sms:operation",
		producerOnly = true, category = Category.MOBILE, headersClass = SmsConstants.class)
public class SmsEndpoint extends DefaultEndpoint {

	@UriPath(enums = "send,send-batch", description = "The call to make.")
	@Metadata(required = true)
	private final SmsOperation operation;

	SmsEndpoint(String uri, SmsComponent component, SmsOperation operation) {
		super(uri, component);
		this.operation = operation;
	}

	@Override
	public SmsComponent getComponent() {
		return (SmsComponent) super.getComponent();
	}

	@Override
	public Producer createProducer() {
		return new SmsProducer(this, this.operation, getComponent().client());
	}

	@Override
	public Consumer createConsumer(Processor processor) {
		throw new UnsupportedOperationException("The sms component only sends; receipts and replies arrive over HTTP");
	}

	public SmsOperation getOperation() {
		return this.operation;
	}

}
