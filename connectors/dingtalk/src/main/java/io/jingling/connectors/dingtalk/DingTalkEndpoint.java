package io.jingling.connectors.dingtalk;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Sends to DingTalk through the app robot (messages and DING) or as work notifications,
 * replies through a session webhook, and recalls what was sent.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "dingtalk", title = "DingTalk", syntax = "dingtalk:operation",
		producerOnly = true, category = Category.CHAT, headersClass = DingTalkConstants.class)
public class DingTalkEndpoint extends DefaultEndpoint {

	@UriPath(enums = "send-group,send-users,ding,reply,send-work-notice,recall", description = "The call to make.")
	@Metadata(required = true)
	private final DingTalkOperation operation;

	@UriParam
	private final DingTalkConfiguration configuration;

	DingTalkEndpoint(String uri, DingTalkComponent component, DingTalkOperation operation,
			DingTalkConfiguration configuration) {
		super(uri, component);
		this.operation = operation;
		this.configuration = configuration;
	}

	@Override
	public DingTalkComponent getComponent() {
		return (DingTalkComponent) super.getComponent();
	}

	@Override
	public Producer createProducer() {
		return new DingTalkProducer(this, this.operation, getComponent().clientFor(this.configuration));
	}

	@Override
	public Consumer createConsumer(Processor processor) {
		throw new UnsupportedOperationException("The dingtalk component only sends; callbacks arrive over HTTP");
	}

	public DingTalkOperation getOperation() {
		return this.operation;
	}

	public DingTalkConfiguration getConfiguration() {
		return this.configuration;
	}

}
