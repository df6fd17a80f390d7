package io.jingling.connectors.dingtalk;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import io.jingling.connectors.dingtalk.client.Ding;
import io.jingling.connectors.dingtalk.client.DingSent;
import io.jingling.connectors.dingtalk.client.DingTalkClient;
import io.jingling.connectors.dingtalk.client.GroupMessage;
import io.jingling.connectors.dingtalk.client.Recall;
import io.jingling.connectors.dingtalk.client.SentMessage;
import io.jingling.connectors.dingtalk.client.SessionReply;
import io.jingling.connectors.dingtalk.client.UserMessage;
import io.jingling.connectors.dingtalk.client.WorkNotice;
import io.jingling.connectors.dingtalk.client.WorkNoticeSent;

// Turns an exchange into one client call. A send's SentMessage becomes the body and its
// processQueryKey a header, a DING's DingSent the body and its openDingId a header, a work
// notice's WorkNoticeSent the body and its task id a header; a reply or a recall leaves the
// message as it was.
final class DingTalkProducer extends DefaultProducer {

	private final DingTalkOperation operation;

	private final DingTalkClient client;

	DingTalkProducer(DingTalkEndpoint endpoint, DingTalkOperation operation, DingTalkClient client) {
		super(endpoint);
		this.operation = operation;
		this.client = client;
	}

	@Override
	public void process(Exchange exchange) throws InvalidPayloadException {
		Message in = exchange.getIn();
		switch (this.operation) {
			case SEND_GROUP -> sent(exchange, this.client.sendToGroup(in.getMandatoryBody(GroupMessage.class)));
			case SEND_USERS -> sent(exchange, this.client.sendToUsers(in.getMandatoryBody(UserMessage.class)));
			case DING -> dinged(exchange, this.client.ding(in.getMandatoryBody(Ding.class)));
			case REPLY -> this.client.replyInSession(in.getMandatoryBody(SessionReply.class));
			case SEND_WORK_NOTICE ->
				noticed(exchange, this.client.sendWorkNotice(in.getMandatoryBody(WorkNotice.class)));
			case RECALL -> recall(in.getMandatoryBody(Recall.class));
		}
	}

	private void recall(Recall recall) {
		switch (recall.kind()) {
			case GROUP -> this.client.recallGroupMessage(recall.openConversationId(), recall.processQueryKey());
			case USERS -> this.client.recallUserMessage(recall.processQueryKey());
			case WORK_NOTICE -> this.client.recallWorkNotice(recall.taskId());
		}
	}

	private static void sent(Exchange exchange, SentMessage sent) {
		exchange.getMessage().setBody(sent);
		exchange.getMessage().setHeader(DingTalkConstants.PROCESS_QUERY_KEY, sent.processQueryKey());
	}

	private static void dinged(Exchange exchange, DingSent sent) {
		exchange.getMessage().setBody(sent);
		exchange.getMessage().setHeader(DingTalkConstants.OPEN_DING_ID, sent.openDingId());
	}

	private static void noticed(Exchange exchange, WorkNoticeSent sent) {
		exchange.getMessage().setBody(sent);
		exchange.getMessage().setHeader(DingTalkConstants.TASK_ID, sent.taskId());
	}

}
