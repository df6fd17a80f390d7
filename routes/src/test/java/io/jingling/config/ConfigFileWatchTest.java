package io.jingling.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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

/**
 * A config file edited on disk: seeded as version 1, a good edit taken in as a version by
 * {@code file}, a bad one refused with nothing changed, and nothing taken twice.
 */
class ConfigFileWatchTest {

	@TempDir
	Path home;

	JdbcTemplate jdbc;

	ConfigVersions versions;

	final List<String> applied = new ArrayList<>();

	Path file;

	@BeforeEach
	void setUp() throws IOException {
		var dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + getClass().getSimpleName() + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V11__config_versions.sql")));
		this.file = this.home.resolve("kind.txt");
		Files.writeString(this.file, "good: 1\n");
		ConfigKind kind = new ConfigKind() {
			@Override
			public String name() {
				return "sample";
			}

			@Override
			public String readSource() {
				try {
					return Files.readString(ConfigFileWatchTest.this.file);
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
				ConfigFileWatchTest.this.applied.add(content);
			}
		};
		this.versions = new ConfigVersions(this.jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
				new MutableClock(HubTestConfiguration.START, ZoneId.of("Asia/Shanghai")), List.of(kind), true);
		this.versions.start();
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

}
