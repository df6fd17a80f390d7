package io.jingling.bots.engine;

import java.util.List;
import java.util.Map;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;

/**
 * A rule ready to run: its condition compiled once at load.
 *
 * @param position where the rule's id is written, for errors that name the rule
 * @param when the condition as written
 * @param whenPosition where the condition is written
 */
record CompiledRule(String id, String file, Position position, EventKind event, String when, Position whenPosition,
		Program condition, List<Step> steps) {

	CompiledRule {
		steps = List.copyOf(steps);
	}

	boolean matches(Map<String, Object> variables) throws CelEvaluationException {
		return Boolean.TRUE.equals(this.condition.eval(variables));
	}

}
