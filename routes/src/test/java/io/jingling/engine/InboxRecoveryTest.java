package io.jingling.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.inbound.Inbox;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events whose hand-off to the engine was dropped (a burst overflowed the queue) are
 * recovered batch after batch in one pass, each once, not one batch a tick; one that
 * fails is tried once a pass.
 */
@HubTest
class InboxRecoveryTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	Inbox inbox;

	@Autowired
	EngineRoutes routes;

	@Autowired
	CamelContext camel;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void aBurstLargerThanABatchIsRecoveredInOnePass() throws Exception {
		this.camel.getRouteController().stopRoute("inbox-recover");
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			long now = this.clock.millis();
			Long poison = this.inbox.store("dingtalk", "event:recover-poison-" + now, "no-such-type",
					JSON.createObjectNode());
			List<Long> ids = IntStream.range(0, 1_100)
				.mapToObj((i) -> this.inbox.store("dingtalk", "event:recover-burst-" + now + "-" + i, "dingtalk-event",
						JSON.createObjectNode()
							.put("EventType", "chat_update_title")
							.put("eventId", "recover-burst-" + now + "-" + i)
							.put("EventTime", now)))
				.toList();
			assertThat(ids).doesNotContainNull();
			this.clock.advance(Duration.ofSeconds(11));

			this.routes.recover(threads);

			assertThat(this.jdbc.queryForList("SELECT DISTINCT status FROM inbox_event WHERE platform_msg_id LIKE ?",
					String.class, "event:recover-burst-" + now + "-%"))
				.containsExactly("DONE");
			// an event that fails is tried once a pass, not again in each batch after it
			assertThat(this.jdbc.queryForMap("SELECT status, attempts FROM inbox_event WHERE id = ?", poison))
				.containsEntry("STATUS", "NEW")
				.containsEntry("ATTEMPTS", 1);
			this.jdbc.update("UPDATE inbox_event SET status = 'FAILED' WHERE id = ?", poison);
		}
		finally {
			threads.shutdown();
			this.camel.getRouteController().startRoute("inbox-recover");
		}
	}

}
