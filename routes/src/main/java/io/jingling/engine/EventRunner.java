package io.jingling.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.Event;
import io.jingling.inbound.ReplyChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs the rules engine on an event and applies its actions inside the caller's
 * transaction. An action can raise a follow-up event (an assist request registered →
 * AssistRequestOpened); those run in the same transaction, a bounded number of levels
 * deep.
 */
@Component
public class EventRunner {

	private static final Logger log = LoggerFactory.getLogger(EventRunner.class);

	private static final int MAX_EVENTS = 8;

	private final Rules rules;

	private final HubState state;

	private final ActionApplier applier;

	EventRunner(Rules rules, HubState state, ActionApplier applier) {
		this.rules = rules;
		this.state = state;
		this.applier = applier;
	}

	/**
	 * @param inboxId the inbox entry the event came from (keys the outbox rows)
	 * @param event the event
	 * @param reply where answers go, or null when the event has no conversation to answer
	 * in
	 */
	public void run(long inboxId, Event event, ReplyChannel reply) {
		follow(inboxId, new ArrayDeque<>(List.of(event)), reply);
	}

	/**
	 * Applies actions a dispatcher took outside DingTalk (the console or the API) as if
	 * the command bot had decided them; the events they raise go to the rules.
	 */
	public void act(long inboxId, List<Action> actions, ReplyChannel reply) {
		follow(inboxId, new ArrayDeque<>(this.applier.apply(inboxId + "-0", inboxId, actions, reply)), reply);
	}

	private void follow(long inboxId, Deque<Event> events, ReplyChannel reply) {
		Event first = events.peekFirst();
		int step = 0;
		while (!events.isEmpty()) {
			if (++step > MAX_EVENTS) {
				throw new IllegalStateException("event " + first.eventId() + " raised more than " + MAX_EVENTS
						+ " follow-up events; a rule loops");
			}
			Event next = events.removeFirst();
			List<Action> actions = this.rules.engine().evaluate(next, this.state);
			log.info("engine.evaluate done inboxId={} event={} actions={}", inboxId, next.getClass().getSimpleName(),
					actions.size());
			events.addAll(this.applier.apply(inboxId + "-" + step, inboxId, actions, reply));
		}
	}

}
