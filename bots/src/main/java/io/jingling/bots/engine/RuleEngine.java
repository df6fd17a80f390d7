package io.jingling.bots.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.bots.command.CommandBot;
import io.jingling.bots.tip.TipBot;

/**
 * The rules engine: an event and the current state in, the actions to take out. It reads
 * the state, never changes it, and never calls a platform, so the same event and state
 * always give the same actions.
 */
public final class RuleEngine {

	private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

	private final RuleSet rules;

	private final CommandBot commandBot;

	private final TipBot tipBot;

	/**
	 * Creates the engine; the bots run when a rule's {@code command} or {@code tip} step
	 * fires.
	 */
	public RuleEngine(RuleSet rules, CommandBot commandBot, TipBot tipBot) {
		this.rules = Objects.requireNonNull(rules, "rules");
		this.commandBot = Objects.requireNonNull(commandBot, "commandBot");
		this.tipBot = Objects.requireNonNull(tipBot, "tipBot");
	}

	/**
	 * Fires every rule whose event type and condition match, in rule-set order, and
	 * concatenates their actions. A condition that fails at run time counts as not
	 * matching.
	 */
	public List<Action> evaluate(Event event, State state) {
		EventKind kind = EventKind.of(event);
		Map<String, Object> variables = kind.variables(event, state);
		List<Action> actions = new ArrayList<>();
		for (CompiledRule rule : this.rules.rules()) {
			if (rule.event() == kind && matches(rule, event, variables)) {
				log.debug("rules.fire {} eventId={}", rule.id(), event.eventId());
				for (Step step : rule.steps()) {
					actions.addAll(step.perform(event, state, this.commandBot, this.tipBot));
				}
			}
		}
		return List.copyOf(actions);
	}

	private static boolean matches(CompiledRule rule, Event event, Map<String, Object> variables) {
		try {
			return rule.matches(variables);
		}
		catch (Exception ex) {
			// the message could quote the event's text, so only the exception type is
			// logged
			log.warn("rules.condition failed rule={} eventId={} error={}", rule.id(), event.eventId(),
					ex.getClass().getSimpleName());
			return false;
		}
	}

}
