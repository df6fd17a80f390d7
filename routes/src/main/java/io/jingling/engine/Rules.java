package io.jingling.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import io.jingling.bots.command.CommandBot;
import io.jingling.bots.engine.RuleEngine;
import io.jingling.bots.engine.RuleLoadException;
import io.jingling.bots.engine.RuleSet;
import io.jingling.bots.tip.TipBot;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The active rules. Loaded at start-up (a broken rule file stops start-up with its file,
 * rule and position) and reloaded when a file under {@code config/rules/} changes; a
 * broken edit is refused and the rules before it stay active.
 */
@Component
public class Rules {

	private static final Logger log = LoggerFactory.getLogger(Rules.class);

	private final Path directory;

	private final CommandBot commandBot;

	private final TipBot tipBot;

	private volatile RuleEngine engine;

	private volatile String fingerprint;

	Rules(HubProperties hub, Clock clock) {
		this.directory = hub.rulesDirectory();
		this.commandBot = new CommandBot(clock, hub.timeZone());
		this.tipBot = new TipBot(clock, hub.timeZone());
		this.fingerprint = fingerprint();
		try {
			this.engine = compile();
		}
		catch (RuleLoadException ex) {
			throw new IllegalStateException("Rules cannot load: " + ex.getMessage(), ex);
		}
	}

	public RuleEngine engine() {
		return engine;
	}

	/**
	 * Reloads when any rule file changed since the last look; returns whether new rules
	 * are active.
	 */
	public boolean reloadIfChanged() {
		String now = fingerprint();
		if (now.equals(fingerprint)) {
			return false;
		}
		fingerprint = now;
		try {
			engine = compile();
			log.info("rules.reload done directory={}", directory.getFileName());
			return true;
		}
		catch (RuleLoadException ex) {
			log.error("rules.reload refused file={} rule={} position={}: {}; the previous rules stay active", ex.file(),
					ex.ruleId(), ex.position(), ex.getMessage());
			return false;
		}
	}

	private RuleEngine compile() throws RuleLoadException {
		RuleSet rules = RuleSet.load(directory);
		log.info("rules.load done rules={}", rules.ruleIds().size());
		return new RuleEngine(rules, this.commandBot, this.tipBot);
	}

	private String fingerprint() {
		try (Stream<Path> files = Files.list(directory)) {
			return files.sorted().map(Rules::stamp).reduce("", String::concat);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("rules directory " + directory + " cannot be listed", ex);
		}
	}

	private static String stamp(Path file) {
		try {
			return file.getFileName() + ":" + Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file) + ";";
		}
		catch (IOException ex) {
			return file.getFileName() + ":gone;";
		}
	}

}
