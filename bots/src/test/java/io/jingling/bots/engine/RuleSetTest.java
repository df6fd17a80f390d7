package io.jingling.bots.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RuleSetTest {

	private static final String HELP_RULE = """
			- id: help
			  event: RobotMessageReceived
			  when: event.text == "帮助"
			  then:
			    - reply: { text: "见说明" }
			""";

	private static RuleLoadException failure(String yaml) {
		return assertThatExceptionOfType(RuleLoadException.class).isThrownBy(() -> RuleSet.parse("test.yaml", yaml))
			.actual();
	}

	@Test
	void loadsTheDefaultRules() throws RuleLoadException {
		assertThat(RuleSet.load(Path.of("../config/rules")).ruleIds()).containsExactly("command-group",
				"outside-command-group", "private-chat");
	}

	@Test
	void loadsYamlFilesInFileNameOrder(@TempDir Path directory) throws Exception {
		Files.writeString(directory.resolve("b.yaml"), HELP_RULE);
		Files.writeString(directory.resolve("a.yml"), HELP_RULE.replace("id: help", "id: first"));
		Files.writeString(directory.resolve("notes.txt"), "not rules");
		assertThat(RuleSet.load(directory).ruleIds()).containsExactly("first", "help");
	}

	@Test
	void rejectsADuplicateIdAcrossFiles(@TempDir Path directory) throws IOException {
		Files.writeString(directory.resolve("a.yaml"), HELP_RULE);
		Files.writeString(directory.resolve("b.yaml"), "# another file\n" + HELP_RULE);
		RuleLoadException failure = assertThatExceptionOfType(RuleLoadException.class)
			.isThrownBy(() -> RuleSet.load(directory))
			.actual();
		assertThat(failure.getMessage()).isEqualTo("rules file b.yaml, rule help, line 2, column 7: "
				+ "duplicate rule id, first defined in a.yaml at line 1, column 7");
	}

	@Test
	void rejectsAMissingDirectory(@TempDir Path directory) {
		Path missing = directory.resolve("missing");
		assertThatExceptionOfType(RuleLoadException.class).isThrownBy(() -> RuleSet.load(missing))
			.withMessage("rules directory " + missing + " cannot be read (NoSuchFileException)");
	}

	@Test
	void acceptsStandardMacrosAndSenderVariables() throws RuleLoadException {
		RuleSet rules = RuleSet.parse("test.yaml", """
				- id: keywords
				  description: 调度员的警令或协查
				  event: RobotMessageReceived
				  when: sender.dispatcher && sender.officer && ["警令", "协查"].exists(w, event.text.contains(w))
				  then:
				    - command: {}
				    - command:
				""");
		assertThat(rules.ruleIds()).containsExactly("keywords");
	}

	@Test
	void rejectsBadCelNamingFileRuleAndPosition() {
		RuleLoadException failure = failure("""
				- id: broken
				  event: RobotMessageReceived
				  when: channel == == "command"
				  then:
				    - command: {}
				""");
		assertThat(failure.file()).isEqualTo("test.yaml");
		assertThat(failure.ruleId()).isEqualTo("broken");
		assertThat(failure.position()).isEqualTo("line 3, column 20");
		assertThat(failure.getMessage()).startsWith("rules file test.yaml, rule broken, line 3, column 20: ");
	}

	@Test
	void rejectsATypoInAFieldWhenLoading() {
		RuleLoadException failure = failure("""
				- id: command-group
				  event: RobotMessageReceived
				  when: channel == "command" && event.circels == ""
				  then:
				    - command: {}
				""");
		assertThat(failure.getMessage()).startsWith(
				"rules file test.yaml, rule command-group, line 3, column 33: undeclared reference to 'event.circels'; "
						+ "RobotMessageReceived conditions may use channel, event.conversationId");
	}

	@Test
	void pointsIntoQuotedAndBlockConditions() {
		assertThat(failure("""
				- id: quoted
				  event: RobotMessageReceived
				  when: "sender.dispatch"
				  then: [ { command: {} } ]
				""").position()).isEqualTo("line 3, column 10");
		assertThat(failure("""
				- id: block
				  event: RobotMessageReceived
				  when: |
				    channel == "command"
				      && event.txt == "帮助"
				  then: [ { command: {} } ]
				""").position()).isEqualTo("line 5, column 10");
	}

	@Test
	void rejectsAConditionThatIsNotBool() {
		assertThat(failure(HELP_RULE.replace("event.text == \"帮助\"", "event.text.size()")).getMessage())
			.isEqualTo("rules file test.yaml, rule help, line 3, column 24: expected type 'bool' but found 'int'");
	}

	@Test
	void rejectsADuplicateIdInOneFile() {
		assertThat(failure(HELP_RULE + HELP_RULE).getMessage())
			.isEqualTo("rules file test.yaml, rule help, line 6, column 7: "
					+ "duplicate rule id, first defined in test.yaml at line 1, column 7");
	}

	@Test
	void rejectsAnUnknownEvent() {
		RuleLoadException failure = failure(HELP_RULE.replace("RobotMessageReceived", "RobotMessageRecieved"));
		assertThat(failure.getMessage()).isEqualTo("rules file test.yaml, rule help, line 2, column 10: "
				+ "unknown event 'RobotMessageRecieved'; known events: RobotMessageReceived");
	}

	@Test
	void rejectsAnUnknownStep() {
		RuleLoadException failure = failure(HELP_RULE.replace("reply:", "broadcast:"));
		assertThat(failure.getMessage()).isEqualTo("rules file test.yaml, rule help, line 5, column 7: "
				+ "unknown step 'broadcast'; known steps: command, reply");
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "event", "when", "then" })
	void rejectsARuleWithoutARequiredKey(String key) {
		String yaml = Stream
			.of("id: help", "event: RobotMessageReceived", "when: \"true\"", "then: [ { command: {} } ]")
			.filter((line) -> !line.startsWith(key + ":"))
			.collect(Collectors.joining("\n  ", "- description: 缺一项\n  ", "\n"));
		assertThat(failure(yaml).getMessage()).endsWith("line 1, column 3: missing '" + key + "'");
	}

	@Test
	void rejectsEmptyOrBadlyTypedParts() {
		assertThat(failure("").getMessage()).isEqualTo("rules file test.yaml: is empty; expected a list of rules");
		assertThat(failure("id: help\n").getMessage())
			.isEqualTo("rules file test.yaml, line 1, column 1: expected a list of rules");
		assertThat(failure("- just text\n").getMessage())
			.isEqualTo("rules file test.yaml, line 1, column 3: expected a rule: a map with id, event, when and then");
		assertThat(failure(HELP_RULE.replace("  then:\n    - reply: { text: \"见说明\" }", "  then: []")).getMessage())
			.endsWith("'then' must be a list of at least one step");
		assertThat(failure(HELP_RULE.replace("{ text: \"见说明\" }", "\"见说明\"")).getMessage())
			.endsWith("'reply' needs a text, e.g. reply: { text: \"...\" }");
		assertThat(failure(HELP_RULE.replace("{ text: \"见说明\" }", "{ txt: \"见说明\" }")).getMessage())
			.endsWith("unknown key 'txt'; a reply has only text");
		assertThat(failure(HELP_RULE.replace("reply: { text: \"见说明\" }", "command: { bot: order }")).getMessage())
			.endsWith("'command' takes no settings; write command: {}");
		assertThat(failure(HELP_RULE.replace("  when:", "  wen:")).getMessage())
			.isEqualTo("rules file test.yaml, rule help, line 3, column 3: "
					+ "unknown key 'wen'; a rule has id, description, event, when and then");
		assertThat(failure(HELP_RULE.replace("when: event.text == \"帮助\"", "when: [ true ]")).getMessage())
			.isEqualTo("rules file test.yaml, rule help, line 3, column 9: 'when' must be a non-empty text");
	}

	@Test
	void rejectsYamlThatDoesNotParse() {
		RuleLoadException failure = failure("- id: help\n  when: [\n  then: x: y\n");
		assertThat(failure.ruleId()).isNull();
		assertThat(failure.position()).isNotNull();
		assertThat(failure.getMessage()).startsWith("rules file test.yaml, line ").contains(": invalid YAML: ");
		assertThat(failure("- id: a\n  id: b\n").getMessage())
			.isEqualTo("rules file test.yaml, line 2, column 3: duplicate key 'id'");
	}

	@Test
	void readsYaml11BooleanWordsAsText() throws RuleLoadException {
		assertThat(RuleSet.parse("test.yaml", HELP_RULE.replace("id: help", "id: on")).ruleIds()).containsExactly("on");
	}

}
