package io.jingling.engine;

import java.time.Duration;
import java.util.List;

import io.jingling.bots.engine.ConversationType;
import io.jingling.bots.engine.OpenAssistRequest;
import io.jingling.directory.DirectoryStore;
import io.jingling.inbound.Inbox;
import io.jingling.inbound.InboxEntry;
import io.jingling.inbound.InboxHandler;
import io.jingling.inbound.ReplyChannel;

import org.springframework.stereotype.Component;

/**
 * An assist request from the console or the API, handled like {@code 协查} in the command
 * group: registered, confirmed in the command group, and the rules decide whether it goes
 * out at once or waits for a leader's approval.
 */
@Component
class DispatcherRequestHandler implements InboxHandler {

	private final Inbox inbox;

	private final EventRunner runner;

	private final DirectoryStore directory;

	DispatcherRequestHandler(Inbox inbox, EventRunner runner, DirectoryStore directory) {
		this.inbox = inbox;
		this.runner = runner;
		this.directory = directory;
	}

	@Override
	public String eventType() {
		return DispatcherRequest.TYPE;
	}

	@Override
	public boolean transactional() {
		return true;
	}

	@Override
	public void handle(InboxEntry entry) {
		DispatcherRequest request = this.inbox.payload(entry, DispatcherRequest.class);
		ReplyChannel commandGroup = this.directory.current()
			.commandGroupId()
			.map((group) -> new ReplyChannel(null, null, group, ConversationType.GROUP, null))
			.orElse(null);
		this.runner.act(entry.id(),
				List.of(new OpenAssistRequest(request.circleIds(), request.content(), request.caseOfficer(),
						Duration.ofHours(request.validityHours()), request.requestedBy(), request.urgent(),
						request.sensitive())),
				commandGroup);
	}

}
