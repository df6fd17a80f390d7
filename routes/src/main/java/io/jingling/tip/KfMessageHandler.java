package io.jingling.tip;

import io.jingling.bots.engine.InformantMessageReceived;
import io.jingling.connectors.wechat.client.KfMessage;
import io.jingling.engine.EventRunner;
import io.jingling.inbound.Inbox;
import io.jingling.inbound.InboxEntry;
import io.jingling.inbound.InboxHandler;
import io.jingling.informant.Member;
import io.jingling.informant.Members;
import io.jingling.wecom.KfInbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One message an informant sent to 微信客服. The member is found by the platform id's keyed
 * hash (or enrolled, unassigned to a circle, when they write for the first time); from
 * here on the engine sees only the member id and pseudonym. Entering a chat through a
 * broadcast's link remembers the link's assist code for the messages that follow.
 */
@Component
class KfMessageHandler implements InboxHandler {

	private static final Logger log = LoggerFactory.getLogger(KfMessageHandler.class);

	/** WeCom's origin of a message the WeChat customer sent. */
	private static final int FROM_CUSTOMER = 3;

	private final Inbox inbox;

	private final Members members;

	private final KfSessions sessions;

	private final EventRunner runner;

	KfMessageHandler(Inbox inbox, Members members, KfSessions sessions, EventRunner runner) {
		this.inbox = inbox;
		this.members = members;
		this.sessions = sessions;
		this.runner = runner;
	}

	@Override
	public String eventType() {
		return KfInbound.TYPE;
	}

	@Override
	public boolean transactional() {
		return true;
	}

	@Override
	public void handle(InboxEntry entry) {
		KfInbound inbound = this.inbox.payload(entry, KfInbound.class);
		KfMessage message = inbound.message();
		if (message.externalUserId() == null || message.externalUserId().isBlank()) {
			return;
		}
		Member member = this.sessions.memberFor(message);
		if ("enter_session".equals(message.eventType())) {
			// recorded already by the sync that brought it (KfSessions); nothing for the
			// engine
			return;
		}
		if (message.origin() != FROM_CUSTOMER) {
			return;
		}
		this.members.wrote(member.id(), message.sendTime(), "kf");
		var event = new InformantMessageReceived("wecom-kf:" + message.msgId(), message.sendTime(), member.id(),
				member.pseudonym(), member.circleId(), member.township(), "kf", message.type(), text(message),
				inbound.evidence(), (member.lastSceneParam() == null) ? "" : member.lastSceneParam());
		this.runner.run(entry.id(), event, null);
	}

	private static String text(KfMessage message) {
		if (message.text() != null) {
			return message.text();
		}
		if (message.location() != null) {
			return message.location().name() + "（" + message.location().address() + "）";
		}
		return "";
	}

}
