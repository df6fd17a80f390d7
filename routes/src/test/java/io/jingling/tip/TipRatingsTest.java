package io.jingling.tip;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.support.ConsoleSession;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.support.TipFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case officer (or a dispatcher) marks tips useful or not; useful tips count toward
 * the informant's tally, which names the informant by pseudonym only.
 */
@HubTest
class TipRatingsTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void theCaseOfficerOrADispatcherRatesATipAndUsefulTipsAreTallied() throws Exception {
		this.clock.advance(Duration.ofMinutes(1));
		long member = TipFixtures.requestsWithTips(this.jdbc, this.clock, "rating-1", "transport",
				Map.of("XC-20261130-901", "officer01", "XC-20261130-902", "officer05"),
				Map.of("XS-20261130-9001", "XC-20261130-901", "XS-20261130-9002", "XC-20261130-902"));
		String pseudonym = this.jdbc.queryForObject("SELECT pseudonym FROM member WHERE id = ?", String.class, member);

		ConsoleSession officer = ConsoleSession.login(this.port, "demo-officer", "jingling-demo");
		assertThat(officer.post("/api/tips/XS-20261130-9001/rating", "{\"useful\":true}").statusCode()).isEqualTo(200);
		assertThat(officer.post("/api/tips/XS-20261130-9002/rating", "{\"useful\":true}").statusCode()).isEqualTo(403);
		assertThat(officer.get("/api/tips/tally").statusCode()).isEqualTo(403);

		ConsoleSession dispatcher = ConsoleSession.login(this.port, "demo-dispatcher", "jingling-demo");
		assertThat(dispatcher.post("/api/tips/XS-20261130-9002/rating", "{}").statusCode()).isEqualTo(400);
		assertThat(dispatcher.post("/api/tips/XS-20261130-0000/rating", "{\"useful\":true}").statusCode())
			.isEqualTo(404);
		assertThat(dispatcher.post("/api/tips/XS-20261130-9002/rating", "{\"useful\":true}").statusCode())
			.isEqualTo(200);

		assertThat(this.jdbc.queryForList(
				"SELECT rating FROM tip WHERE code IN ('XS-20261130-9001', 'XS-20261130-9002')", String.class))
			.containsOnly("USEFUL");
		var tally = dispatcher.get("/api/tips/tally");
		assertThat(tally.statusCode()).isEqualTo(200);
		JsonNode rows = new ObjectMapper().readTree(tally.body());
		JsonNode mine = null;
		for (JsonNode row : rows) {
			if (row.path("pseudonym").asText().equals(pseudonym)) {
				mine = row;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.path("usefulTips").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(tally.body()).doesNotContain("wmJLDemo", "1390000");
	}

}
