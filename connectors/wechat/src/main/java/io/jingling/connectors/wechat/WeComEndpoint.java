package io.jingling.connectors.wechat;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** Creates, reminds and cancels customer-group tasks, and replies through 微信客服. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "wecom", title = "WeCom", syntax = "wecom:operation", producerOnly = true,
		category = Category.CHAT, headersClass = WeComConstants.class)
public class WeComEndpoint extends DefaultEndpoint {

	@UriPath(enums = "create-group-task,remind,cancel,send-kf-text", description = "The call to make.")
	@Metadata(required = true)
	private final WeComOperation operation;

	@UriParam
	private final WeComConfiguration configuration;

	WeComEndpoint(String uri, WeComComponent component, WeComOperation operation, WeComConfiguration configuration) {
		super(uri, component);
		this.operation = operation;
		this.configuration = configuration;
	}

	@Override
	public WeComComponent getComponent() {
		return (WeComComponent) super.getComponent();
	}

	@Override
	public Producer createProducer() {
		return new WeComProducer(this, this.operation, getComponent().clientFor(this.configuration));
	}

	@Override
	public Consumer createConsumer(Processor processor) {
		throw new UnsupportedOperationException("The wecom component only sends; callbacks arrive over HTTP");
	}

	public WeComOperation getOperation() {
		return this.operation;
	}

	public WeComConfiguration getConfiguration() {
		return this.configuration;
	}

}
