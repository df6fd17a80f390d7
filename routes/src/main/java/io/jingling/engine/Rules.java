package io.jingling.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.jingling.bots.command.CommandBot;
import io.jingling.bots.engine.InformantMessageReceived;
import io.jingling.bots.engine.RuleEngine;
import io.jingling.bots.engine.RuleLoadException;
import io.jingling.bots.engine.RuleSet;
import io.jingling.bots.tip.TipBot;
import io.jingling.config.ConfigKind;
import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The active rules, a versioned config (kind {@code rules}) whose text is the bundle of
 * the files under {@code config/rules/}, each after a {@code # ---- file: <name> ----}
 * line. Loaded at start-up (a broken rule file stops start-up with its file, rule and
 * position); after that, a version is checked as a whole (all files together, so rule ids
 * stay unique across them) before it applies, and a broken one is refused with its file,
 * rule and position while the rules before it stay active.
 */
@Component
public class Rules implements ConfigKind {

	private static final Logger log = LoggerFactory.getLogger(Rules.class);

	private static final String DIRECTORY = "config/rules/";

	private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.ya?ml");

	private static final Pattern FILE_HEADER = Pattern.compile("^# ---- file: (\\S+) ----$", Pattern.MULTILINE);

	private final Path directory;

	private final CommandBot commandBot;

	private final TipBot tipBot;

	private static final Pattern CHANNEL = Pattern
		.compile("(?<![.\\w])channel\\s*[!=]=\\s*\"([^\"]*)\"|\"([^\"]*)\"\\s*[!=]=\\s*channel(?![\\w])");

	private static final Pattern INFORMANT_CHANNEL = Pattern
		.compile("event\\.channel\\s*[!=]=\\s*\"([^\"]*)\"|event\\.channel\\s+in\\s*\\[([^\\]]*)\\]");

	private static final Pattern CIRCLE = Pattern.compile("\"([^\"]*)\"\\s+in\\s+event\\.circles");

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

	private volatile RuleEngine engine;

	private final Supplier<Directory> people;

	@Autowired
	Rules(HubProperties hub, Clock clock, DirectoryStore directory) {
		this(hub, clock, directory::current);
	}

	/**
	 * @param people the groups and circles a version's conditions may name
	 */
	Rules(HubProperties hub, Clock clock, Supplier<Directory> people) {
		this.people = people;
		this.directory = hub.rulesDirectory();
		this.commandBot = new CommandBot(clock, hub.timeZone());
		this.tipBot = new TipBot(clock, hub.timeZone());
		try {
			this.engine = new RuleEngine(RuleSet.load(this.directory), this.commandBot, this.tipBot);
		}
		catch (RuleLoadException ex) {
			throw new IllegalStateException("Rules cannot load: " + ex.getMessage(), ex);
		}
	}

	public RuleEngine engine() {
		return this.engine;
	}

	/**
	 * An engine for a candidate bundle that is not applied: what a dry-run asks.
	 * @throws IllegalArgumentException with file, rule and position when it does not
	 * compile
	 */
	public RuleEngine candidate(String bundle) {
		return new RuleEngine(compile(bundle), this.commandBot, this.tipBot);
	}

	@Override
	public String name() {
		return "rules";
	}

	@Override
	public String readSource() {
		try (Stream<Path> files = Files.list(this.directory)) {
			StringBuilder bundle = new StringBuilder();
			for (Path file : files.filter(Rules::isYaml).sorted().toList()) {
				bundle.append("# ---- file: ").append(file.getFileName()).append(" ----\n");
				bundle.append(Files.readString(file));
			}
			return bundle.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("rules directory " + this.directory + " cannot be read", ex);
		}
	}

	/**
	 * Compiles a version and checks what its conditions name: the channels of the
	 * bureau's groups ({@code channel == "command"}), the channels informants write on
	 * ({@code event.channel in ["kf", "oa", "sms"]}) and the six circles' ids
	 * ({@code "transport" in event.circles}).
	 */
	@Override
	public void check(String bundle) {
		RuleSet rules = compile(bundle);
		Directory people = this.people.get();
		Set<String> channels = new TreeSet<>();
		people.groups().values().forEach((group) -> channels.add(group.channel()));
		Set<String> circles = new TreeSet<>();
		people.circles().forEach((circle) -> circles.add(circle.id()));
		for (RuleSet.Condition condition : rules.conditions()) {
			for (String named : named(CHANNEL, condition.when())) {
				if (!named.isEmpty() && !channels.contains(named)) {
					throw refusal(condition,
							"未知的群频道「" + named + "」，本局的群有 " + String.join("、", channels) + "（\"\" 表示不在已知的群里）");
				}
			}
			for (String named : named(INFORMANT_CHANNEL, condition.when())) {
				if (!InformantMessageReceived.CHANNELS.contains(named)) {
					throw refusal(condition, "未知的线人渠道「" + named + "」，渠道有 "
							+ String.join("、", new TreeSet<>(InformantMessageReceived.CHANNELS)));
				}
			}
			for (String named : named(CIRCLE, condition.when())) {
				if (!circles.contains(named)) {
					throw refusal(condition, "未知的圈子「" + named + "」，圈子 id 有 " + String.join("、", circles));
				}
			}
		}
	}

	// The texts a pattern's groups hold; a group holding a list of quoted texts gives
	// each.
	private static List<String> named(Pattern pattern, String when) {
		List<String> named = new ArrayList<>();
		Matcher found = pattern.matcher(when);
		while (found.find()) {
			for (int group = 1; group <= found.groupCount(); group++) {
				String text = found.group(group);
				if (text != null && text.contains("\"")) {
					QUOTED.matcher(text).results().forEach((quoted) -> named.add(quoted.group(1)));
				}
				else if (text != null) {
					named.add(text);
				}
			}
		}
		return named;
	}

	private static IllegalArgumentException refusal(RuleSet.Condition condition, String reason) {
		return new IllegalArgumentException(DIRECTORY + condition.file() + ", rule " + condition.ruleId() + ", line "
				+ condition.line() + ": " + reason);
	}

	@Override
	public void apply(String bundle) {
		RuleSet rules = compile(bundle);
		this.engine = new RuleEngine(rules, this.commandBot, this.tipBot);
		log.info("rules.apply done rules={}", rules.ruleIds().size());
	}

	@Override
	public Map<String, String> files(String bundle) {
		Map<String, String> files = new LinkedHashMap<>();
		split(bundle).forEach((name, text) -> files.put(DIRECTORY + name, text));
		return files;
	}

	@Override
	public String content(Map<String, String> files) {
		StringBuilder bundle = new StringBuilder();
		for (String path : files.keySet().stream().sorted().toList()) {
			String name = path.startsWith(DIRECTORY) ? path.substring(DIRECTORY.length()) : "";
			if (!FILE_NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("规则文件须为 " + DIRECTORY + "<名称>.yaml；导入的有 " + path);
			}
			bundle.append("# ---- file: ").append(name).append(" ----\n").append(files.get(path));
		}
		if (bundle.isEmpty()) {
			throw new IllegalArgumentException("没有规则文件");
		}
		return bundle.toString();
	}

	private static RuleSet compile(String bundle) {
		try {
			return RuleSet.parse(split(bundle));
		}
		catch (RuleLoadException ex) {
			throw new IllegalArgumentException(
					DIRECTORY + ex.file() + ", rule " + ex.ruleId() + ", " + ex.position() + ": " + ex.getMessage(),
					ex);
		}
	}

	private static Map<String, String> split(String bundle) {
		Map<String, String> files = new LinkedHashMap<>();
		Matcher header = FILE_HEADER.matcher(bundle);
		String name = null;
		int from = 0;
		while (header.find()) {
			if (name != null) {
				files.put(name, bundle.substring(from, header.start()));
			}
			name = header.group(1);
			from = header.end() + 1;
		}
		if (name == null) {
			throw new IllegalArgumentException(
					"rules: no '# ---- file: <name>.yaml ----' line; each file starts with one");
		}
		files.put(name, bundle.substring(Math.min(from, bundle.length())));
		return files;
	}

	private static boolean isYaml(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith(".yaml") || name.endsWith(".yml");
	}

}
