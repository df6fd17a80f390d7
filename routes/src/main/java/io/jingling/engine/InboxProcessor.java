package io.jingling.engine;

import java.util.List;

import io.jingling.bots.engine.Action;
import io.jingling.inbound.Inbox;
import io.jingling.support.Endpoints;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes one inbox event: claim it, ask the engine, apply the actions, all in one
 * transaction. A failure rolls everything back and leaves the event for another attempt;
 * after a few it is parked as FAILED for an admin to see.
 */
@Component
class InboxProcessor {

	private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);

	private static final int MAX_ATTEMPTS = 3;

	private final Inbox inbox;

	private final Rules rules;

	private final HubState state;

	private final ActionApplier applier;

	private final TransactionTemplate transaction;

	private final ProducerTemplate producer;

	InboxProcessor(Inbox inbox, Rules rules, HubState state, ActionApplier applier, TransactionTemplate transaction,
			ProducerTemplate producer) {
		this.inbox = inbox;
		this.rules = rules;
		this.state = state;
		this.applier = applier;
		this.transaction = transaction;
		this.producer = producer;
	}

	public void process(long inboxId) {
		MDC.put("jingling.eventId", Long.toString(inboxId));
		try {
			Integer applied = transaction.execute((status) -> inbox.claim(inboxId).map((message) -> {
				List<Action> actions = rules.engine().evaluate(message.event(), state);
				applier.apply(inboxId, message, actions);
				return actions.size();
			}).orElse(null));
			if (applied != null) {
				log.info("engine.evaluate done inboxId={} actions={}", inboxId, applied);
				producer.sendBody(Endpoints.OUTBOX_WAKEUP, inboxId);
			}
		}
		catch (RuntimeException ex) {
			log.error("engine.evaluate failed inboxId={} error={}", inboxId, ex.getClass().getSimpleName(), ex);
			inbox.failed(inboxId, MAX_ATTEMPTS, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		finally {
			MDC.remove("jingling.eventId");
		}
	}

}
