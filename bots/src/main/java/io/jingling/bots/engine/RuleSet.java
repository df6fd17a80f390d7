package io.jingling.bots.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable, compiled set of rules, in the order they fire: files by name, rules as
 * written. Loading checks the whole schema and compiles every condition, so a set that
 * loads can run.
 */
public final class RuleSet {

	private static final Logger log = LoggerFactory.getLogger(RuleSet.class);

	private final List<CompiledRule> rules;

	private RuleSet(List<CompiledRule> rules) {
		this.rules = List.copyOf(rules);
	}

	/**
	 * Loads every {@code *.yaml} and {@code *.yml} file of the directory, by file name
	 * order.
	 */
	public static RuleSet load(Path rulesDirectory) throws RuleLoadException {
		List<CompiledRule> rules = new ArrayList<>();
		List<Path> files = yamlFiles(rulesDirectory);
		for (Path path : files) {
			String file = path.getFileName().toString();
			rules.addAll(compile(file, read(path, file)));
		}
		RuleSet ruleSet = of(rules);
		log.info("rules.load ok directory={} files={} rules={}", rulesDirectory, files.size(), rules.size());
		return ruleSet;
	}

	/**
	 * Parses several files' contents as one rule set, by file name order, as if they were
	 * the files of one directory.
	 */
	public static RuleSet parse(Map<String, String> yamlByFileName) throws RuleLoadException {
		List<CompiledRule> rules = new ArrayList<>();
		for (Map.Entry<String, String> file : new TreeMap<>(yamlByFileName).entrySet()) {
			rules.addAll(compile(file.getKey(), file.getValue()));
		}
		return of(rules);
	}

	/** Parses one file's content; {@code fileName} only names the file in errors. */
	public static RuleSet parse(String fileName, String yaml) throws RuleLoadException {
		return of(compile(fileName, yaml));
	}

	public List<String> ruleIds() {
		return this.rules.stream().map(CompiledRule::id).toList();
	}

	/**
	 * A rule's condition as written, for checks of what it refers to.
	 *
	 * @param line where the condition is written (from 1)
	 */
	public record Condition(String ruleId, String file, int line, String event, String when) {
	}

	/** The rules' conditions, in order. */
	public List<Condition> conditions() {
		return this.rules.stream()
			.map((rule) -> new Condition(rule.id(), rule.file(), rule.whenPosition().line(), rule.event().typeName(),
					rule.when()))
			.toList();
	}

	List<CompiledRule> rules() {
		return this.rules;
	}

	private static List<CompiledRule> compile(String file, String yaml) throws RuleLoadException {
		return new RuleCompiler(file, yaml).compile(new YamlReader(file).read(yaml));
	}

	private static RuleSet of(List<CompiledRule> rules) throws RuleLoadException {
		Map<String, CompiledRule> seen = new HashMap<>();
		for (CompiledRule rule : rules) {
			CompiledRule first = seen.putIfAbsent(rule.id(), rule);
			if (first != null) {
				throw new RuleLoadException(rule.file(), rule.id(), rule.position(),
						"duplicate rule id, first defined in " + first.file() + " at " + first.position());
			}
		}
		return new RuleSet(rules);
	}

	private static List<Path> yamlFiles(Path directory) throws RuleLoadException {
		try (Stream<Path> paths = Files.list(directory)) {
			return paths.filter(Files::isRegularFile)
				.filter((path) -> path.getFileName().toString().endsWith(".yaml")
						|| path.getFileName().toString().endsWith(".yml"))
				.sorted(Comparator.comparing((Path path) -> path.getFileName().toString()))
				.toList();
		}
		catch (IOException ex) {
			throw RuleLoadException.unreadableDirectory(directory, ex);
		}
	}

	private static String read(Path path, String file) throws RuleLoadException {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new RuleLoadException(file, null, null, "cannot be read (" + ex.getClass().getSimpleName() + ")", ex);
		}
	}

}
