package io.jingling.engine;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.jingling.inbound.Inbox;
import io.jingling.inbound.InboxEntry;
import io.jingling.inbound.InboxHandler;
import io.jingling.support.Endpoints;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes one inbox entry with the handler for its type. A transactional handler's
 * effects commit with the claim, so they happen once or not at all; a failure rolls back
 * and leaves the entry for another attempt, and after a few it is parked as FAILED for an
 * admin to see.
 */
@Component
class InboxProcessor {

	private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);

	private static final int MAX_ATTEMPTS = 3;

	private final Inbox inbox;

	private final Map<String, InboxHandler> handlers;

	private final TransactionTemplate transaction;

	private final ProducerTemplate producer;

	InboxProcessor(Inbox inbox, List<InboxHandler> handlers, TransactionTemplate transaction,
			ProducerTemplate producer) {
		this.inbox = inbox;
		this.handlers = handlers.stream().collect(Collectors.toMap(InboxHandler::eventType, Function.identity()));
		this.transaction = transaction;
		this.producer = producer;
	}

	public void process(long inboxId) {
		MDC.put("jingling.eventId", Long.toString(inboxId));
		try {
			InboxHandler handler = handlerFor(this.inbox.typeOf(inboxId));
			Optional<InboxEntry> handled = this.transaction
				.execute((status) -> this.inbox.claim(inboxId, handler.transactional()).map((entry) -> {
					if (handler.transactional()) {
						handler.handle(entry);
					}
					return entry;
				}));
			if (handled.isPresent()) {
				if (!handler.transactional()) {
					handler.handle(handled.get());
					this.inbox.complete(inboxId);
				}
				log.info("inbox.process done inboxId={} type={}", inboxId, handled.get().eventType());
				this.producer.sendBody(Endpoints.OUTBOX_WAKEUP, inboxId);
			}
		}
		catch (RuntimeException ex) {
			// the message of a database or platform error can quote row data, so only its
			// kind is logged
			String kind = ex.getClass().getSimpleName() + ((ex instanceof DataAccessException data
					&& data.getMostSpecificCause() instanceof SQLException sql) ? " SQLState " + sql.getSQLState()
							: "");
			log.error("inbox.process failed inboxId={} error={}", inboxId, kind);
			this.inbox.failed(inboxId, MAX_ATTEMPTS, kind);
		}
		finally {
			MDC.remove("jingling.eventId");
		}
	}

	private InboxHandler handlerFor(String eventType) {
		InboxHandler handler = this.handlers.get(eventType);
		if (handler == null) {
			throw new IllegalStateException("no handler for inbox entries of type " + eventType);
		}
		return handler;
	}

}
