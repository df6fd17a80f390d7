package io.jingling.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.jingling.audit.AuditLog;
import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.AssistRequestView;
import io.jingling.bots.engine.Circle;
import io.jingling.bots.engine.ConversationType;
import io.jingling.bots.engine.Group;
import io.jingling.bots.engine.Officer;
import io.jingling.bots.engine.Reply;
import io.jingling.bots.engine.RobotMessageReceived;
import io.jingling.bots.engine.State;
import io.jingling.bots.engine.TipView;
import io.jingling.config.ConfigRefused;
import io.jingling.config.ConfigVersions;
import io.jingling.directory.Directory;
import io.jingling.directory.QuotaPolicy;
import io.jingling.support.HubProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rule files are a versioned config: an edit on disk becomes a version by {@code file}
 * and applies without a restart; a broken edit is refused with its file, rule and line,
 * and the rules before it keep working; rule ids stay unique across files.
 */
@ExtendWith(OutputCaptureExtension.class)
class RulesTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

	private static final RobotMessageReceived PRIVATE_MESSAGE = new RobotMessageReceived("dingtalk:m1", CLOCK.instant(),
			"cidPrivate==", ConversationType.PRIVATE, "", "officer01", "张伟", "你好", List.of());

	@TempDir
	Path home;

	Path rules;

	@BeforeEach
	void copyTheShippedRules() throws IOException {
		rules = Files.createDirectories(home.resolve("config/rules"));
		Files.copy(Path.of("..", "config", "rules", "command.yaml"), rules.resolve("command.yaml"));
	}

	private static ConfigVersions versionsOf(Rules active) throws IOException {
		var dataSource = new DriverManagerDataSource("jdbc:h2:mem:rules-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
				"sa", "");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V11__config_versions.sql")));
		jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V13__config_approval.sql")));
		jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V14__audit_log.sql")));
		ConfigVersions versions = new ConfigVersions(jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), CLOCK, List.of(active),
				new AuditLog(jdbc, CLOCK), true, Set.of());
		versions.start();
		return versions;
	}

	@Test
	void refusesABrokenRuleFileAndKeepsTheRulesBeforeIt(CapturedOutput output) throws IOException {
		Rules active = new Rules(hubAt(home), CLOCK, RulesTest::bureau);
		ConfigVersions versions = versionsOf(active);
		List<Action> before = active.engine().evaluate(PRIVATE_MESSAGE, EMPTY_STATE);

		Files.writeString(rules.resolve("zz-broken.yaml"), """
				- id: typo-rule
				  event: RobotMessageReceived
				  when: event.circels.size() > 0
				  then:
				    - reply: { text: "x" }
				""");

		versions.watch();
		assertThat(output).contains("config.file refused kind=rules", "zz-broken.yaml", "typo-rule", "line 3",
				"event.circels");
		assertThat(active.engine().evaluate(PRIVATE_MESSAGE, EMPTY_STATE)).isEqualTo(before);
		assertThat(versions.versions("rules")).hasSize(1);
	}

	@Test
	void takesAValidEditWithoutARestart() throws IOException {
		Rules active = new Rules(hubAt(home), CLOCK, RulesTest::bureau);
		ConfigVersions versions = versionsOf(active);

		Files.writeString(rules.resolve("zz-greeting.yaml"), """
				- id: greet-private
				  event: RobotMessageReceived
				  when: event.conversationType == "private" && event.text == "你好"
				  then:
				    - reply: { text: "你好，张伟" }
				""");

		versions.watch();
		assertThat(active.engine().evaluate(PRIVATE_MESSAGE, EMPTY_STATE)).contains(new Reply("你好，张伟"));
		versions.watch();
		assertThat(versions.versions("rules")).hasSize(2);
		assertThat(versions.versions("rules").get(0).author()).isEqualTo("file");
		assertThat(versions.versions("rules").get(0).diff()).contains("+ # ---- file: zz-greeting.yaml ----",
				"+   when: event.conversationType == \"private\" && event.text == \"你好\"");
	}

	@Test
	void refusesARuleIdUsedInTwoFiles() throws IOException {
		Rules active = new Rules(hubAt(home), CLOCK, RulesTest::bureau);
		ConfigVersions versions = versionsOf(active);
		String bundle = active.readSource() + "# ---- file: zz-copy.yaml ----\n"
				+ Files.readString(rules.resolve("command.yaml"));

		assertThatThrownBy(() -> versions.propose("rules", bundle, "demo-admin", "试一下"))
			.isInstanceOf(ConfigRefused.class)
			.hasMessageContaining("config/rules/zz-copy.yaml")
			.hasMessageContaining("duplicate rule id");
		assertThat(versions.versions("rules")).hasSize(1);
	}

	@Test
	void refusesConditionsNamingAnUnknownGroupChannelInformantChannelOrCircle() throws IOException {
		Rules active = new Rules(hubAt(home), CLOCK, RulesTest::bureau);
		ConfigVersions versions = versionsOf(active);
		String command = active.readSource();

		assertThatThrownBy(() -> versions.propose("rules",
				command.replace("when: channel == \"command\"", "when: channel == \"comand\""), "demo-admin", "试一下"))
			.isInstanceOf(ConfigRefused.class)
			.hasMessage("config/rules/command.yaml, rule command-group, line 7: 未知的群频道「comand」，本局的群有 command、duty"
					+ "（\"\" 表示不在已知的群里）");
		assertThatThrownBy(() -> versions.propose("rules", command + "# ---- file: zz-more.yaml ----\n" + """
				- id: tips-by-letter
				  event: InformantMessageReceived
				  when: event.channel in ["kf", "letter"]
				  then:
				    - tip: {}
				- id: taxi-first
				  event: AssistRequestOpened
				  when: '"taxi" in event.circles'
				  then:
				    - broadcast: {}
				""", "demo-admin", "试一下")).isInstanceOf(ConfigRefused.class)
			.hasMessageStartingWith("config/rules/zz-more.yaml, rule tips-by-letter, line 3: 未知的线人渠道「letter」");
		assertThatThrownBy(() -> versions.propose("rules", command + "# ---- file: zz-more.yaml ----\n" + """
				- id: taxi-first
				  event: AssistRequestOpened
				  when: '"taxi" in event.circles'
				  then:
				    - broadcast: {}
				""", "demo-admin", "试一下")).isInstanceOf(ConfigRefused.class)
			.hasMessageStartingWith("config/rules/zz-more.yaml, rule taxi-first, line 3: 未知的圈子「taxi」，圈子 id 有");
		versions.propose("rules",
				command.replace("channel != \"command\"", "channel != \"command\" && channel != \"\""), "demo-admin",
				"不在已知的群里也提示");
		assertThat(versions.versions("rules")).hasSize(2);
	}

	@Test
	void stopsStartUpOnABrokenRuleFileNamingIt() throws IOException {
		Files.writeString(rules.resolve("command.yaml"),
				"- id: only\n  event: NoSuchEvent\n  when: true\n" + "  then:\n    - reply: { text: x }\n");

		assertThatThrownBy(() -> new Rules(hubAt(home), CLOCK, RulesTest::bureau))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("command.yaml")
			.hasMessageContaining("NoSuchEvent");
	}

	/**
	 * The groups and circles conditions may name: the demo bureau's channels and circles.
	 */
	private static Directory bureau() {
		return new Directory(Map.of(),
				Map.of("cidCommand==", new Group("cidCommand==", "指挥中心", "command"), "cidStation==",
						new Group("cidStation==", "城关派出所", "duty")),
				Map.of(),
				Stream.of("transport", "hospitality", "recycling", "rental", "merchants", "village")
					.map((id) -> new Circle(id, id, List.of()))
					.toList(),
				List.of(), Map.of(), QuotaPolicy.DAYS_IN_MONTH);
	}

	private static HubProperties hubAt(Path home) {
		return new HubProperties(home.toString(), ZoneId.of("Asia/Shanghai"), Duration.ofHours(72),
				"samples/demo/bureau.yaml");
	}

	private static final State EMPTY_STATE = new State() {

		@Override
		public Optional<Group> group(String openConversationId) {
			return Optional.empty();
		}

		@Override
		public Optional<Group> groupNamed(String name) {
			return Optional.empty();
		}

		@Override
		public Optional<Officer> officer(String userId) {
			return Optional.empty();
		}

		@Override
		public List<Officer> officersNamed(String name) {
			return List.of();
		}

		@Override
		public List<Circle> circles() {
			return List.of();
		}

		@Override
		public Optional<String> statusOf(String code) {
			return Optional.empty();
		}

		@Override
		public Optional<String> readStatusOf(String orderCode) {
			return Optional.empty();
		}

		@Override
		public String checkinSummary() {
			return "";
		}

		@Override
		public Optional<AssistRequestView> assistRequest(String code) {
			return Optional.empty();
		}

		@Override
		public Optional<AssistRequestView> latestOpenAssistRequest(String circleId) {
			return Optional.empty();
		}

		@Override
		public Optional<TipView> tip(String code) {
			return Optional.empty();
		}

		@Override
		public Duration assistValidity() {
			return Duration.ofHours(72);
		}

	};

}
