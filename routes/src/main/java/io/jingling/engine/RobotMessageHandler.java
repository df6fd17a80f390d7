package io.jingling.engine;

import io.jingling.inbound.InboundMessage;
import io.jingling.inbound.Inbox;
import io.jingling.inbound.InboxEntry;
import io.jingling.inbound.InboxHandler;

import org.springframework.stereotype.Component;

/**
 * A DingTalk robot message: straight to the rules engine, answers go back to its
 * conversation.
 */
@Component
class RobotMessageHandler implements InboxHandler {

	private final Inbox inbox;

	private final EventRunner runner;

	RobotMessageHandler(Inbox inbox, EventRunner runner) {
		this.inbox = inbox;
		this.runner = runner;
	}

	@Override
	public String eventType() {
		return InboundMessage.TYPE;
	}

	@Override
	public boolean transactional() {
		return true;
	}

	@Override
	public void handle(InboxEntry entry) {
		InboundMessage message = this.inbox.payload(entry, InboundMessage.class);
		this.runner.run(entry.id(), message.event(), message.reply());
	}

}
