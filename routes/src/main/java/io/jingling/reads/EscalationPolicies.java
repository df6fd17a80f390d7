package io.jingling.reads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jingling.bots.engine.PostOrder;
import io.jingling.connectors.sms.SmsProperties;
import io.jingling.connectors.sms.client.SmsTemplate;
import io.jingling.config.OneFileKind;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * The escalation policies, a versioned config ({@code escalation}, seeded from
 * {@code config/escalation.yaml}). A version is checked as a whole before it applies; one
 * that does not check out is refused with the file, the entry and the reason, and the
 * policies in force stay.
 */
@Component
public class EscalationPolicies extends OneFileKind {

	private static final Logger log = LoggerFactory.getLogger(EscalationPolicies.class);

	static final String FILE = "config/escalation.yaml";

	private static final Set<String> TOP_KEYS = Set.of("default-policy", "sms-template", "quiet-hours", "policies");

	private static final Set<String> STEP_KEYS = Set.of("after", "action", "quiet", "on-duty-only");

	private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

	private volatile Loaded loaded;

	private final Map<String, Loaded> versions = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Loaded> eldest) {
			return size() > 8;
		}
	});

	private final SmsTemplate startTemplate;

	private final List<SmsTemplate> registeredTemplates;

	EscalationPolicies(HubProperties hub, ObjectProvider<SmsProperties> sms) {
		super("escalation", FILE, hub.resolve(FILE), "升级策略");
		this.loaded = parse(read(hub.resolve(FILE)));
		this.startTemplate = this.loaded.smsTemplate;
		this.registeredTemplates = sms.stream().flatMap((properties) -> properties.templates().stream()).toList();
	}

	/**
	 * Checks a version as a whole and what it refers to: the {@code urgent} policy that
	 * {@code 警令 紧急} names, and an SMS template the SMS client knows (the one the hub
	 * started with, or one registered in {@code jingling.sms.templates}).
	 */
	@Override
	public void check(String content) {
		Loaded candidate = parse(content);
		if (!candidate.policies.containsKey(PostOrder.URGENT)) {
			throw new IllegalArgumentException(FILE + ": policies: 缺少 " + PostOrder.URGENT + "，调度员写「警令 紧急」时用它");
		}
		SmsTemplate template = candidate.smsTemplate;
		if (!template.equals(this.startTemplate) && !this.registeredTemplates.contains(template)) {
			throw new IllegalArgumentException(FILE + ": sms-template: 短信模板 " + template.code() + " 未登记：须为启动时的 "
					+ this.startTemplate.code() + "，或在 jingling.sms.templates 中登记、参数相同的阿里云已审核模板");
		}
	}

	@Override
	public void apply(String content) {
		this.loaded = parse(content);
		log.info("escalation.apply done policies={}", this.loaded.policies.keySet());
	}

	/** The policy of that name, or the default policy when the name is empty. */
	public Optional<EscalationPolicy> policy(String name) {
		Loaded current = current();
		return Optional
			.ofNullable(current.policies.get((name == null || name.isEmpty()) ? current.defaultPolicy : name));
	}

	/**
	 * The policy of that name as an earlier version of the policies had it, so an order
	 * keeps the steps it was posted under; the versions last asked for are kept parsed.
	 */
	public Optional<EscalationPolicy> policy(String name, String versionContent) {
		Loaded version = this.versions.computeIfAbsent(versionContent, this::parse);
		return Optional.ofNullable(version.policies.get(name));
	}

	/** The name of the policy orders follow unless they say otherwise. */
	public String defaultPolicy() {
		return current().defaultPolicy;
	}

	/** The SMS template for an unread order; its one parameter is the order's code. */
	public SmsTemplate smsTemplate() {
		return current().smsTemplate;
	}

	private Loaded current() {
		return this.loaded;
	}

	/** The version in force, as a dry-run compares a candidate with it. */
	public Version inForce() {
		return new Version(this.loaded);
	}

	/**
	 * A candidate version, checked like an edit but not applied: what a dry-run asks.
	 * @throws IllegalArgumentException naming the file, the entry and the reason
	 */
	public Version candidate(String content) {
		check(content);
		return new Version(parse(content));
	}

	/** One version of the policies, read without applying it. */
	public static final class Version {

		private final Loaded loaded;

		private Version(Loaded loaded) {
			this.loaded = loaded;
		}

		/**
		 * The policy of that name, or the default policy for an empty or unknown name.
		 */
		public EscalationPolicy policy(String name) {
			return this.loaded.policies.getOrDefault((name == null) ? "" : name,
					this.loaded.policies.get(this.loaded.defaultPolicy));
		}

		/**
		 * When a step due at a time runs: then, or where the step defers in quiet hours
		 * and the time falls in them, when they end.
		 */
		public Instant runsAt(Instant due, EscalationPolicy.Step step, ZoneId zone) {
			ZonedDateTime local = due.atZone(zone);
			if (!step.deferInQuietHours() || !this.loaded.quiet(local.toLocalTime())) {
				return due;
			}
			ZonedDateTime end = local.with(this.loaded.quietTo);
			return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
		}

	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(FILE + ": cannot be read: " + ex.getMessage(), ex);
		}
	}

	private Loaded parse(String content) {
		JsonNode root;
		try {
			root = this.yaml.readTree(content);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(FILE + ": not YAML: " + ex.getMessage(), ex);
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
		return new Loaded(defaultPolicy, Map.copyOf(policies),
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

	private record Loaded(String defaultPolicy, Map<String, EscalationPolicy> policies, SmsTemplate smsTemplate,
			LocalTime quietFrom, LocalTime quietTo) {

		boolean quiet(LocalTime time) {
			if (this.quietFrom == null) {
				return false;
			}
			return this.quietFrom.isBefore(this.quietTo) ? !time.isBefore(this.quietFrom) && time.isBefore(this.quietTo)
					: !time.isBefore(this.quietFrom) || time.isBefore(this.quietTo);
		}

	}

}
