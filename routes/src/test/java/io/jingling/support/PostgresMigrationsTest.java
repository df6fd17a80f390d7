package io.jingling.support;

import java.io.IOException;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migrations run on a real PostgreSQL (shipped as a Maven artifact), not only on H2.
 */
class PostgresMigrationsTest {

	static EmbeddedPostgres postgres;

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.start();
	}

	@AfterAll
	static void stop() throws IOException {
		postgres.close();
	}

	@Test
	void migrateAndKeepTheUniqueKeysTheHubReliesOn() {
		var dataSource = postgres.getPostgresDatabase();
		var result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		assertThat(result.success).isTrue();

		var jdbc = new JdbcTemplate(dataSource);
		jdbc.update("INSERT INTO inbox_event (platform, platform_msg_id, event_type, received_at, payload, status)"
				+ " VALUES ('dingtalk', 'm1', 'RobotMessageReceived', now(), '{}', 'NEW')");
		assertThatThrownBy(() -> jdbc.update("INSERT INTO inbox_event (platform, platform_msg_id, event_type,"
				+ " received_at, payload, status) VALUES ('dingtalk', 'm1', 'RobotMessageReceived', now(), '{}', 'NEW')"))
			.hasMessageContaining("uq_inbox_platform_msg");
		jdbc.update("INSERT INTO outbox (action_key, recipient, operation, payload, status, created_at,"
				+ " next_attempt_at) VALUES ('a', 'r', 'GROUP', '{}', 'NEW', now(), now())");
		assertThatThrownBy(() -> jdbc.update("INSERT INTO outbox (action_key, recipient, operation, payload, status,"
				+ " created_at, next_attempt_at) VALUES ('a', 'r', 'USERS', '{}', 'NEW', now(), now())"))
			.hasMessageContaining("uq_outbox_action_recipient");
		List<Long> due = jdbc.queryForList("SELECT id FROM outbox WHERE status = 'NEW' AND next_attempt_at <= now()"
				+ " ORDER BY id FETCH FIRST 200 ROWS ONLY", Long.class);
		assertThat(due).hasSize(1);
	}

}
