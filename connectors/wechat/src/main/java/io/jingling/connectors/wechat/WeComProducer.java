package io.jingling.connectors.wechat;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import io.jingling.connectors.wechat.client.GroupTask;
import io.jingling.connectors.wechat.client.GroupTaskRequest;
import io.jingling.connectors.wechat.client.KfText;
import io.jingling.connectors.wechat.client.WeComClient;

// Turns an exchange into one client call. A created task becomes the body and its msgid a
// header; a 微信客服 reply's msgid becomes both; remind and cancel leave the message as it was.
final class WeComProducer extends DefaultProducer {

	private final WeComOperation operation;

	private final WeComClient client;

	WeComProducer(WeComEndpoint endpoint, WeComOperation operation, WeComClient client) {
		super(endpoint);
		this.operation = operation;
		this.client = client;
	}

	@Override
	public void process(Exchange exchange) throws InvalidPayloadException {
		Message in = exchange.getIn();
		switch (this.operation) {
			case CREATE_GROUP_TASK -> {
				GroupTask task = this.client.createGroupTask(in.getMandatoryBody(GroupTaskRequest.class));
				sent(exchange, task, task.msgId());
			}
			case REMIND -> this.client.remind(in.getMandatoryBody(String.class));
			case CANCEL -> this.client.cancel(in.getMandatoryBody(String.class));
			case SEND_KF_TEXT -> {
				KfText reply = in.getMandatoryBody(KfText.class);
				String msgId = this.client.sendKfText(reply.externalUserId(), reply.text());
				sent(exchange, msgId, msgId);
			}
		}
	}

	private static void sent(Exchange exchange, Object body, String msgId) {
		exchange.getMessage().setBody(body);
		exchange.getMessage().setHeader(WeComConstants.MSG_ID, msgId);
	}

}
