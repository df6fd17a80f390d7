package io.jingling.reads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jingling.connectors.sms.client.SmsTemplate;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * The escalation policies of {@code config/escalation.yaml}. The file is checked as a
 * whole when it loads; an edit is taken in when the file changes, and an edit that does
 * not check out is logged and ignored, so the last good policies stay in force.
 */
@Component
public class EscalationPolicies {

	private static final Logger log = LoggerFactory.getLogger(EscalationPolicies.class);

	static final String FILE = "config/escalation.yaml";

	private static final Set<String> TOP_KEYS = Set.of("default-policy", "sms-template", "quiet-hours", "policies");

	private static final Set<String> STEP_KEYS = Set.of("after", "action", "quiet", "on-duty-only");

	private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

	private final Path file;

	private volatile Loaded loaded;

	EscalationPolicies(HubProperties hub) {
		this.file = hub.resolve(FILE);
		this.loaded = load(this.file);
	}

	/** The policy of that name, or the default policy when the name is empty. */
	public Optional<EscalationPolicy> policy(String name) {
		Loaded current = current();
		return Optional
			.ofNullable(current.policies.get((name == null || name.isEmpty()) ? current.defaultPolicy : name));
	}

	/** The name of the policy orders follow unless they say otherwise. */
	public String defaultPolicy() {
		return current().defaultPolicy;
	}

	/** The SMS template for an unread order; its one parameter is the order's code. */
	public SmsTemplate smsTemplate() {
		return current().smsTemplate;
	}

	/** Whether a time of day (bureau time) falls in the quiet hours; the end is not. */
	public boolean quiet(LocalTime time) {
		Loaded current = current();
		if (current.quietFrom == null) {
			return false;
		}
		return current.quietFrom.isBefore(current.quietTo)
				? !time.isBefore(current.quietFrom) && time.isBefore(current.quietTo)
				: !time.isBefore(current.quietFrom) || time.isBefore(current.quietTo);
	}

	/** When the quiet hours that contain a time end. */
	public LocalTime quietEnd() {
		return current().quietTo;
	}

	private Loaded current() {
		Loaded known = this.loaded;
		FileTime modified = modified(this.file);
		if (modified != null && !modified.equals(known.modified)) {
			try {
				this.loaded = load(this.file);
				log.info("escalation.reload done policies={}", this.loaded.policies.keySet());
			}
			catch (IllegalArgumentException ex) {
				log.error("escalation.reload refused, keeping the policies in force: {}", ex.getMessage());
				this.loaded = known.touched(modified);
			}
		}
		return this.loaded;
	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private Loaded load(Path file) {
		JsonNode root;
		try {
			root = this.yaml.readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(FILE + ": cannot be read: " + ex.getMessage(), ex);
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException(FILE + ": expected a mapping with default-policy and policies");
		}
		unknownKeys(root, TOP_KEYS, "");
		Map<String, EscalationPolicy> policies = new LinkedHashMap<>();
		JsonNode policiesNode = root.path("policies");
		if (!policiesNode.isObject() || policiesNode.isEmpty()) {
			throw new IllegalArgumentException(FILE + ": policies: at least one policy is required");
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = policiesNode.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			policies.put(entry.getKey(), policy(entry.getKey(), entry.getValue()));
		}
		String defaultPolicy = root.path("default-policy").asText("");
		if (!policies.containsKey(defaultPolicy)) {
			throw new IllegalArgumentException(
					FILE + ": default-policy '" + defaultPolicy + "' is not one of " + policies.keySet());
		}
		JsonNode template = root.path("sms-template");
		List<String> parameters = new ArrayList<>();
		template.path("parameters").forEach((parameter) -> parameters.add(parameter.asText()));
		if (template.path("code").asText("").isBlank() || !parameters.equals(List.of("code"))) {
			throw new IllegalArgumentException(FILE + ": sms-template needs a code and exactly the parameters [code]");
		}
		JsonNode quiet = root.path("quiet-hours");
		LocalTime from = quiet.isMissingNode() ? null : time(quiet, "from");
		LocalTime to = quiet.isMissingNode() ? null : time(quiet, "to");
		return new Loaded(modified(file), defaultPolicy, Map.copyOf(policies),
				new SmsTemplate(template.path("code").asText(), List.copyOf(parameters)), from, to);
	}

	private static EscalationPolicy policy(String name, JsonNode node) {
		String where = FILE + ": policies." + name;
		JsonNode stepsNode = node.path("steps");
		if (!stepsNode.isArray() || stepsNode.isEmpty()) {
			throw new IllegalArgumentException(where + ": steps: at least one step is required");
		}
		List<EscalationPolicy.Step> steps = new ArrayList<>();
		Duration previous = Duration.ZERO;
		for (int i = 0; i < stepsNode.size(); i++) {
			JsonNode stepNode = stepsNode.get(i);
			String at = where + ".steps[" + i + "]";
			unknownKeys(stepNode, STEP_KEYS, at + ".");
			Duration after;
			StepAction action;
			try {
				after = DurationStyle.detectAndParse(stepNode.path("after").asText(""));
				action = StepAction.fromConfig(stepNode.path("action").asText(""));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(at + ": " + ex.getMessage(), ex);
			}
			if (after.compareTo(previous) <= 0) {
				throw new IllegalArgumentException(at + ": after must be later than the step before it");
			}
			String quiet = stepNode.path("quiet").asText("");
			if (!quiet.isEmpty() && !quiet.equals("defer")) {
				throw new IllegalArgumentException(at + ": quiet may only be 'defer'");
			}
			JsonNode onDutyOnly = stepNode.path("on-duty-only");
			if (!onDutyOnly.isMissingNode() && !onDutyOnly.isBoolean()) {
				throw new IllegalArgumentException(at + ": on-duty-only must be true or false");
			}
			steps.add(new EscalationPolicy.Step(after, action, quiet.equals("defer"), onDutyOnly.asBoolean(false)));
			previous = after;
		}
		return new EscalationPolicy(name, node.path("description").asText(""), List.copyOf(steps));
	}

	private static LocalTime time(JsonNode quiet, String key) {
		try {
			return LocalTime.parse(quiet.path(key).asText(""));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(FILE + ": quiet-hours." + key + " must be a time like 22:30", ex);
		}
	}

	private static void unknownKeys(JsonNode node, Set<String> allowed, String prefix) {
		node.fieldNames().forEachRemaining((key) -> {
			if (!allowed.contains(key)) {
				throw new IllegalArgumentException(FILE + ": " + prefix + key + ": unknown key, allowed: " + allowed);
			}
		});
	}

	private record Loaded(FileTime modified, String defaultPolicy, Map<String, EscalationPolicy> policies,
			SmsTemplate smsTemplate, LocalTime quietFrom, LocalTime quietTo) {

		Loaded touched(FileTime time) {
			return new Loaded(time, this.defaultPolicy, this.policies, this.smsTemplate, this.quietFrom, this.quietTo);
		}

	}

}
