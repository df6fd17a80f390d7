package io.jingling.inbound;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jingling.bots.engine.ConversationType;
import io.jingling.bots.engine.RobotMessageReceived;
import io.jingling.support.MutableClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL a failed statement spoils the whole transaction; a duplicate stored
 * inside a caller's transaction (a KF sync batch) must be refused without spoiling the
 * rest.
 */
class InboxOnPostgresTest {

	static EmbeddedPostgres postgres;

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.start();
		Flyway.configure()
			.dataSource(postgres.getPostgresDatabase())
			.locations("classpath:db/migration")
			.load()
			.migrate();
	}

	@AfterAll
	static void stop() throws IOException {
		postgres.close();
	}

	@Test
	void refusesADuplicateInsideABatchAndKeepsTheRest() {
		var dataSource = postgres.getPostgresDatabase();
		var transactions = new DataSourceTransactionManager(dataSource);
		var jdbc = new JdbcTemplate(dataSource);
		var inbox = new Inbox(jdbc, new ObjectMapper().registerModule(new JavaTimeModule()),
				new MutableClock(Instant.parse("2026-11-30T01:00:00Z"), ZoneId.of("Asia/Shanghai")), transactions);

		List<Long> stored = new TransactionTemplate(transactions).execute((status) -> {
			Long first = inbox.store(message("pg-1"));
			Long again = inbox.store(message("pg-1"));
			Long second = inbox.store(message("pg-2"));
			return Arrays.asList(first, again, second);
		});

		assertThat(stored.get(0)).isNotNull();
		assertThat(stored.get(1)).isNull();
		assertThat(stored.get(2)).isNotNull();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_event", Integer.class)).isEqualTo(2);
	}

	private static InboundMessage message(String msgId) {
		var event = new RobotMessageReceived("dingtalk:" + msgId, Instant.parse("2026-11-30T01:00:00Z"),
				"cidJinglingDemoCommand==", ConversationType.GROUP, "指挥中心", "demo-dispatcher", "韩调度", "帮助", List.of());
		return new InboundMessage(msgId, event, null);
	}

}
