package io.jingling.engine;

import java.util.ArrayList;
import java.util.List;

import io.jingling.approval.Approvals;
import io.jingling.assist.AssistRequests;
import io.jingling.assist.Broadcasts;
import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.Broadcast;
import io.jingling.bots.engine.CloseAssistRequest;
import io.jingling.bots.engine.Event;
import io.jingling.bots.engine.OpenAssistRequest;
import io.jingling.bots.engine.OptOut;
import io.jingling.bots.engine.PostOrder;
import io.jingling.bots.engine.RecallOrder;
import io.jingling.bots.engine.RequestApproval;
import io.jingling.bots.engine.RecordTip;
import io.jingling.bots.engine.RelayToInformant;
import io.jingling.bots.engine.Reply;
import io.jingling.bots.engine.SendToGroup;
import io.jingling.bots.engine.SendToUsers;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.inbound.ReplyChannel;
import io.jingling.order.Orders;
import io.jingling.outbox.Outbox;
import io.jingling.tip.Tips;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Applies the engine's actions inside the caller's transaction: state changes and their
 * outbox rows are written together. Each action's key is derived from the inbox entry, so
 * the rows of one action stay unique per recipient. Returns the follow-up events the
 * actions raised.
 */
@Component
class ActionApplier {

	private static final Logger log = LoggerFactory.getLogger(ActionApplier.class);

	/** The title shown in DingTalk's notification preview for the bot's answers. */
	static final String REPLY_TITLE = "警铃";

	private final Outbox outbox;

	private final Orders orders;

	private final AssistRequests assistRequests;

	private final Broadcasts broadcasts;

	private final Tips tips;

	private final Approvals approvals;

	ActionApplier(Outbox outbox, Orders orders, AssistRequests assistRequests, Broadcasts broadcasts, Tips tips,
			Approvals approvals) {
		this.approvals = approvals;
		this.outbox = outbox;
		this.orders = orders;
		this.assistRequests = assistRequests;
		this.broadcasts = broadcasts;
		this.tips = tips;
	}

	List<Event> apply(String keyPrefix, long inboxId, List<Action> actions, ReplyChannel reply) {
		List<Event> followUps = new ArrayList<>();
		for (int i = 0; i < actions.size(); i++) {
			String key = "ev" + keyPrefix + "-" + i;
			Action action = actions.get(i);
			if (action instanceof Reply answer) {
				reply(key, reply, answer.text());
			}
			else if (action instanceof SendToGroup send) {
				this.outbox.toGroup(key, send.openConversationId(), new MessageContent(send.title(), send.text()));
			}
			else if (action instanceof SendToUsers send) {
				this.outbox.toUsers(key, send.userIds(), new MessageContent(send.title(), send.text()));
			}
			else if (action instanceof PostOrder order) {
				this.orders.post(inboxId, order, reply);
			}
			else if (action instanceof OpenAssistRequest request) {
				followUps.add(this.assistRequests.open(inboxId, request, reply));
			}
			else if (action instanceof Broadcast broadcast) {
				this.broadcasts.plan(broadcast, reply);
			}
			else if (action instanceof CloseAssistRequest close) {
				this.assistRequests.close(close, reply);
			}
			else if (action instanceof RecordTip tip) {
				this.tips.record(inboxId, tip);
			}
			else if (action instanceof RelayToInformant relay) {
				this.tips.relay(key, relay, reply);
			}
			else if (action instanceof OptOut optOut) {
				this.tips.optOut(key, optOut);
			}
			else if (action instanceof RequestApproval approval) {
				this.approvals.request(approval, reply);
			}
			else if (action instanceof RecallOrder recall) {
				reply(key, reply, this.orders.recall(recall));
			}
		}
		return followUps;
	}

	private void reply(String key, ReplyChannel reply, String text) {
		if (reply == null) {
			log.warn("engine.reply skipped key={}: the event has no conversation to answer in", key);
			return;
		}
		this.outbox.reply(key, reply, new MessageContent(REPLY_TITLE, text));
	}

}
