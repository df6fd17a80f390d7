package io.jingling.bots.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.cel.runtime.Program;

/**
 * Turns one rules file, already read as YAML, into compiled rules, checking the schema in
 * config/README.md.
 */
final class RuleCompiler {

	private static final Set<String> RULE_KEYS = Set.of("id", "description", "event", "when", "then");

	private static final String KNOWN_STEPS = "command, reply, broadcast, approval, tip";

	private final String file;

	private final ConditionCompiler conditions;

	RuleCompiler(String file, String source) {
		this.file = file;
		this.conditions = new ConditionCompiler(file, source);
	}

	List<CompiledRule> compile(YamlNode root) throws RuleLoadException {
		if (root == null) {
			throw error(null, null, "is empty; expected a list of rules");
		}
		if (!(root instanceof YamlNode.Sequence sequence)) {
			throw error(null, root.position(), "expected a list of rules");
		}
		List<CompiledRule> rules = new ArrayList<>();
		for (YamlNode node : sequence.items()) {
			rules.add(rule(node));
		}
		return rules;
	}

	private CompiledRule rule(YamlNode node) throws RuleLoadException {
		if (!(node instanceof YamlNode.Mapping rule)) {
			throw error(null, node.position(), "expected a rule: a map with id, event, when and then");
		}
		YamlNode.Scalar id = text(null, rule, "id");
		for (YamlNode.Field field : rule.fields()) {
			if (!RULE_KEYS.contains(field.key())) {
				throw error(id.text(), field.position(),
						"unknown key '" + field.key() + "'; a rule has id, description, event, when and then");
			}
		}
		if (rule.field("description").isPresent()) {
			text(id.text(), rule, "description");
		}
		YamlNode.Scalar event = text(id.text(), rule, "event");
		EventKind kind = EventKind.named(event.text())
			.orElseThrow(() -> error(id.text(), event.position(),
					"unknown event '" + event.text() + "'; known events: " + EventKind.names()));
		YamlNode.Scalar when = text(id.text(), rule, "when");
		Program condition = this.conditions.compile(id.text(), kind, when);
		return new CompiledRule(id.text(), this.file, id.position(), kind, when.text(), when.position(), condition,
				steps(id.text(), kind, rule));
	}

	private List<Step> steps(String ruleId, EventKind kind, YamlNode.Mapping rule) throws RuleLoadException {
		YamlNode then = value(ruleId, rule, "then");
		if (!(then instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
			throw error(ruleId, then.position(), "'then' must be a list of at least one step");
		}
		List<Step> steps = new ArrayList<>();
		for (YamlNode node : sequence.items()) {
			steps.add(step(ruleId, kind, node));
		}
		return steps;
	}

	private Step step(String ruleId, EventKind kind, YamlNode node) throws RuleLoadException {
		if (!(node instanceof YamlNode.Mapping step) || step.fields().size() != 1) {
			throw error(ruleId, node.position(), "a step is a map with exactly one key, one of " + KNOWN_STEPS);
		}
		YamlNode.Field field = step.fields().get(0);
		Step parsed = switch (field.key()) {
			case "command" -> withoutSettings(ruleId, field, new Step.RunCommandBot());
			case "reply" -> reply(ruleId, field.value());
			case "broadcast" -> withoutSettings(ruleId, field, new Step.BroadcastToCircles());
			case "approval" -> withoutSettings(ruleId, field, new Step.AwaitApproval());
			case "tip" -> withoutSettings(ruleId, field, new Step.RunTipBot());
			default -> throw error(ruleId, field.position(),
					"unknown step '" + field.key() + "'; known steps: " + KNOWN_STEPS);
		};
		if (parsed.event() != kind) {
			throw error(ruleId, field.position(), "step '" + field.key() + "' only works in "
					+ parsed.event().typeName() + " rules, and this rule is for " + kind.typeName());
		}
		return parsed;
	}

	private Step withoutSettings(String ruleId, YamlNode.Field field, Step step) throws RuleLoadException {
		YamlNode settings = field.value();
		boolean none = (settings instanceof YamlNode.Scalar scalar && scalar.text() == null)
				|| (settings instanceof YamlNode.Mapping mapping && mapping.fields().isEmpty());
		if (!none) {
			throw error(ruleId, settings.position(),
					"'" + field.key() + "' takes no settings; write " + field.key() + ": {}");
		}
		return step;
	}

	private Step reply(String ruleId, YamlNode settings) throws RuleLoadException {
		if (!(settings instanceof YamlNode.Mapping mapping)) {
			throw error(ruleId, settings.position(), "'reply' needs a text, e.g. reply: { text: \"...\" }");
		}
		for (YamlNode.Field field : mapping.fields()) {
			if (!field.key().equals("text")) {
				throw error(ruleId, field.position(), "unknown key '" + field.key() + "'; a reply has only text");
			}
		}
		return new Step.ReplyWith(text(ruleId, mapping, "text").text());
	}

	private YamlNode.Scalar text(String ruleId, YamlNode.Mapping mapping, String key) throws RuleLoadException {
		YamlNode value = value(ruleId, mapping, key);
		if (!(value instanceof YamlNode.Scalar scalar) || scalar.text() == null || scalar.text().isBlank()) {
			throw error(ruleId, value.position(), "'" + key + "' must be a non-empty text");
		}
		return scalar;
	}

	private YamlNode value(String ruleId, YamlNode.Mapping mapping, String key) throws RuleLoadException {
		Optional<YamlNode.Field> field = mapping.field(key);
		if (field.isEmpty()) {
			throw error(ruleId, mapping.position(), "missing '" + key + "'");
		}
		return field.get().value();
	}

	private RuleLoadException error(String ruleId, Position position, String reason) {
		return new RuleLoadException(this.file, ruleId, position, reason);
	}

}
