package io.jingling.engine;

import java.util.List;

import io.jingling.assist.AssistRequests;
import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.OpenAssistRequest;
import io.jingling.bots.engine.PostOrder;
import io.jingling.bots.engine.Reply;
import io.jingling.bots.engine.SendToGroup;
import io.jingling.bots.engine.SendToUsers;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.inbound.InboundMessage;
import io.jingling.order.Orders;
import io.jingling.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * Applies the engine's actions inside the inbox transaction: state changes and their
 * outbox rows are written together. Each action's key is derived from the inbox event, so
 * the rows of one action stay unique per recipient.
 */
@Component
class ActionApplier {

	/** The title shown in DingTalk's notification preview for the bot's answers. */
	static final String REPLY_TITLE = "警铃";

	private final Outbox outbox;

	private final Orders orders;

	private final AssistRequests assistRequests;

	ActionApplier(Outbox outbox, Orders orders, AssistRequests assistRequests) {
		this.outbox = outbox;
		this.orders = orders;
		this.assistRequests = assistRequests;
	}

	void apply(long inboxId, InboundMessage message, List<Action> actions) {
		for (int i = 0; i < actions.size(); i++) {
			String key = "ev" + inboxId + "-" + i;
			Action action = actions.get(i);
			if (action instanceof Reply reply) {
				outbox.reply(key, message.reply(), new MessageContent(REPLY_TITLE, reply.text()));
			}
			else if (action instanceof SendToGroup send) {
				outbox.toGroup(key, send.openConversationId(), new MessageContent(send.title(), send.text()));
			}
			else if (action instanceof SendToUsers send) {
				outbox.toUsers(key, send.userIds(), new MessageContent(send.title(), send.text()));
			}
			else if (action instanceof PostOrder order) {
				orders.post(inboxId, order, message.reply());
			}
			else if (action instanceof OpenAssistRequest request) {
				assistRequests.open(inboxId, request, message.reply());
			}
		}
	}

}
