package io.jingling.bots.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
		assertThat(RuleSet.load(Path.of("../config/rules")).ruleIds()).containsExactly("assist-needs-approval",
				"assist-to-circles", "informant-tips", "command-group", "outside-command-group", "private-chat");
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
				+ "unknown event 'RobotMessageRecieved'; known events: RobotMessageReceived, AssistRequestOpened, "
				+ "InformantMessageReceived");
	}

	@Test
	void rejectsAnUnknownStep() {
		RuleLoadException failure = failure(HELP_RULE.replace("reply:", "brodcast:"));
		assertThat(failure.getMessage()).isEqualTo("rules file test.yaml, rule help, line 5, column 7: "
				+ "unknown step 'brodcast'; known steps: command, reply, broadcast, approval, tip");
	}

	@ParameterizedTest
	@CsvSource({ "RobotMessageReceived, broadcast: {}, AssistRequestOpened",
			"RobotMessageReceived, tip: {}, InformantMessageReceived",
			"AssistRequestOpened, command: {}, RobotMessageReceived",
			"AssistRequestOpened, 'reply: { text: 已发出 }', RobotMessageReceived",
			"AssistRequestOpened, tip: {}, InformantMessageReceived",
			"InformantMessageReceived, broadcast: {}, AssistRequestOpened",
			"InformantMessageReceived, command: {}, RobotMessageReceived" })
	void rejectsAStepThatCannotTakeTheRulesEvent(String event, String step, String stepEvent) {
		RuleLoadException failure = failure("""
				- id: mismatch
				  event: %s
				  when: "true"
				  then:
				    - broadcast: {}
				""".formatted(event).replace("broadcast: {}", step));
		String key = step.substring(0, step.indexOf(':'));
		assertThat(failure.getMessage()).isEqualTo("rules file test.yaml, rule mismatch, line 5, column 7: step '" + key
				+ "' only works in " + stepEvent + " rules, and this rule is for " + event);
	}

	@Test
	void acceptsTheVariablesOfAssistRequestsAndInformantMessages() throws RuleLoadException {
		RuleSet rules = RuleSet.parse("test.yaml", """
				- id: urgent-to-circles
				  event: AssistRequestOpened
				  when: >
				    size(event.circles) > 0 && "rental" in event.circles && event.urgent && !event.sensitive
				    && event.code.startsWith("XC-") && event.content != ""
				  then:
				    - broadcast: {}
				- id: kf-text
				  event: InformantMessageReceived
				  when: |
				    event.channel == "kf" && event.kind == "text" && event.circle == "transport"
				      && event.township == "城关镇" && event.text.contains("车")
				  then:
				    - tip:
				""");
		assertThat(rules.ruleIds()).containsExactly("urgent-to-circles", "kf-text");
	}

	@Test
	void rejectsATypoInTheVariablesOfAssistRequestsAndInformantMessages() {
		assertThat(failure("""
				- id: to-circles
				  event: AssistRequestOpened
				  when: size(event.circels) > 0
				  then: [ { broadcast: {} } ]
				""").getMessage()).isEqualTo("rules file test.yaml, rule to-circles, line 3, column 14: "
				+ "undeclared reference to 'event.circels'; AssistRequestOpened conditions may use "
				+ "event.circles, event.code, event.content, event.sensitive, event.urgent");
		assertThat(failure("""
				- id: tips
				  event: InformantMessageReceived
				  when: event.circles == "transport"
				  then: [ { tip: {} } ]
				""").getMessage()).isEqualTo("rules file test.yaml, rule tips, line 3, column 9: "
				+ "undeclared reference to 'event.circles'; InformantMessageReceived conditions may use "
				+ "event.channel, event.circle, event.kind, event.text, event.township");
	}

	@Test
	void rejectsATypedMistakeInTheNewVariables() {
		assertThat(failure("""
				- id: urgent
				  event: AssistRequestOpened
				  when: event.urgent == "true"
				  then: [ { broadcast: {} } ]
				""").getMessage()).startsWith("rules file test.yaml, rule urgent, line 3, column ")
			.contains("found no matching overload for '_==_'");
	}

	@ParameterizedTest
	@CsvSource({ "AssistRequestOpened, broadcast", "InformantMessageReceived, tip" })
	void rejectsSettingsOnBroadcastAndTip(String event, String step) {
		assertThat(failure("""
				- id: settings
				  event: %s
				  when: "true"
				  then:
				    - %s: { circles: all }
				""".formatted(event, step)).getMessage())
			.isEqualTo("rules file test.yaml, rule settings, line 5, column %d: '%s' takes no settings; write %s: {}"
				.formatted(step.length() + 9, step, step));
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
