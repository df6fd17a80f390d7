package io.jingling.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jingling.audit.AuditLog;
import io.jingling.support.HubTestConfiguration;
import io.jingling.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One config kind's versions: a file edited on disk is seeded as version 1, a good edit
 * taken in as a version by {@code file}, a bad one refused with nothing changed, and
 * nothing taken twice; under the two-person rule an edit waits until a second admin
 * approves it.
 */
class ConfigKindVersionsTest {

	@TempDir
	Path home;

	JdbcTemplate jdbc;

	ConfigVersions versions;

	ConfigKind kind;

	TransactionTemplate transaction;

	final List<String> applied = new ArrayList<>();

	Path file;

	@BeforeEach
	void setUp() throws IOException {
		var dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + getClass().getSimpleName() + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V11__config_versions.sql")));
		this.jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V13__config_approval.sql")));
		this.jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V14__audit_log.sql")));
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.file = this.home.resolve("kind.txt");
		Files.writeString(this.file, "good: 1\n");
		this.kind = new ConfigKind() {
			@Override
			public String name() {
				return "sample";
			}

			@Override
			public String readSource() {
				try {
					return Files.readString(ConfigKindVersionsTest.this.file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

			@Override
			public void check(String content) {
				if (!content.startsWith("good")) {
					throw new IllegalArgumentException("kind.txt: line 1: must start with good");
				}
			}

			@Override
			public void apply(String content) {
				ConfigKindVersionsTest.this.applied.add(content);
			}

			@Override
			public Map<String, String> files(String content) {
				return Map.of("config/kind.txt", content);
			}

			@Override
			public String content(Map<String, String> files) {
				return files.get("config/kind.txt");
			}
		};
		this.versions = start(Set.of());
	}

	private ConfigVersions start(Set<String> twoPerson) {
		MutableClock clock = new MutableClock(HubTestConfiguration.START, ZoneId.of("Asia/Shanghai"));
		ConfigVersions started = new ConfigVersions(this.jdbc, this.transaction, clock, List.of(this.kind),
				new AuditLog(this.jdbc, clock), true, twoPerson);
		started.start();
		return started;
	}

	@Test
	void takesInAGoodEditAsAVersionByFileAndRefusesABadOne() throws IOException {
		assertThat(this.versions.versions("sample")).singleElement()
			.satisfies((version) -> assertThat(version.author()).isEqualTo("file"));

		Files.writeString(this.file, "good: 2\n");
		this.versions.watch();
		this.versions.watch();
		assertThat(this.versions.versions("sample")).hasSize(2);
		assertThat(this.versions.versions("sample").get(0)).satisfies((version) -> {
			assertThat(version.author()).isEqualTo("file");
			assertThat(version.reason()).isEqualTo("文件修改");
			assertThat(version.diff()).isEqualTo("- good: 1\n+ good: 2");
		});
		assertThat(this.applied).containsExactly("good: 2\n");

		Files.writeString(this.file, "bad\n");
		this.versions.watch();
		assertThat(this.versions.versions("sample")).hasSize(2);
		assertThat(this.applied).containsExactly("good: 2\n");
	}

	@Test
	void underTheTwoPersonRuleAnEditWaitsForASecondAdmin() {
		ConfigVersions guarded = start(Set.of("sample"));
		this.applied.clear();

		ConfigVersion proposed = guarded.propose("sample", "good: 2\n", "admin-a", "调整");
		assertThat(proposed.status()).isEqualTo("PENDING");
		assertThat(proposed.diff()).isEqualTo("- good: 1\n+ good: 2");
		assertThat(guarded.activeVersion("sample")).contains(1);
		assertThat(this.applied).isEmpty();

		assertThatThrownBy(() -> guarded.approve("sample", 2, "admin-a")).isInstanceOf(ApprovalRefused.class)
			.hasMessage("自己提交的修改须由另一位管理员批准");
		assertThat(this.applied).isEmpty();

		ConfigVersion approved = guarded.approve("sample", 2, "admin-b");
		assertThat(approved.status()).isEqualTo("ACTIVE");
		assertThat(approved.approvedBy()).isEqualTo("admin-b");
		assertThat(guarded.versions("sample")).extracting(ConfigVersion::status)
			.containsExactly("ACTIVE", "SUPERSEDED");
		assertThat(this.applied).containsExactly("good: 2\n");

		assertThatThrownBy(() -> guarded.approve("sample", 2, "admin-c")).isInstanceOf(ApprovalRefused.class)
			.hasMessage("第 2 版不是待批准的版本");
		assertThat(this.applied).containsExactly("good: 2\n");
	}

	@Test
	void aKindOutsideTheTwoPersonRuleTakesEffectAtOnce() {
		ConfigVersion edited = this.versions.propose("sample", "good: 3\n", "admin-a", "调整");
		assertThat(edited.status()).isEqualTo("ACTIVE");
		assertThat(edited.approvedBy()).isNull();
		assertThat(this.applied).containsExactly("good: 3\n");
	}

}
