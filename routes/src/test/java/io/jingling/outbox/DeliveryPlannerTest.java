package io.jingling.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.connectors.dingtalk.client.GroupMessage;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.informant.Members;
import io.jingling.wecom.KfLinks;
import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.templates.MessageTemplates;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call that cannot even be built puts its own rows back; the rest of the pass goes out.
 * Rows another pass took in the meantime use no pacing slot of this one.
 */
@HubTest
class DeliveryPlannerTest {

	@Autowired
	DeliveryPlanner planner;

	@Autowired
	Outbox outbox;

	@Autowired
	WeComSimulator weCom;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CamelContext camel;

	@Autowired
	ObjectMapper json;

	@Autowired
	OutboxProperties properties;

	@Autowired
	KfLinks kfLinks;

	@Autowired
	Members members;

	@Autowired
	MessageTemplates templates;

	@Autowired
	DeliveryOutcomes outcomes;

	@Autowired
	SmsFrequency smsFrequency;

	@BeforeEach
	void setUp() {
		this.clock.advance(Duration.ofMinutes(1));
		this.weCom.clearJournal();
	}

	@Test
	void releasesTheRowsOfACallThatCannotBeBuiltAndPlansTheOthers() throws Exception {
		// the timers would claim the rows first: this test plans by hand
		this.camel.getRouteController().stopRoute("outbox-poll");
		this.camel.getRouteController().stopRoute("outbox-wakeup");
		try {
			planByHand();
		}
		finally {
			this.jdbc.update("UPDATE outbox SET status = 'DEAD' WHERE action_key LIKE 'planner-test-%'");
			this.camel.getRouteController().startRoute("outbox-wakeup");
			this.camel.getRouteController().startRoute("outbox-poll");
		}
	}

	@Test
	void rowsAnotherPassTookUseNoSendOfThisPass() throws Exception {
		this.camel.getRouteController().stopRoute("outbox-poll");
		this.camel.getRouteController().stopRoute("outbox-wakeup");
		try {
			this.jdbc.update("UPDATE outbox SET status = 'DEAD' WHERE status IN ('NEW', 'SENDING')");
			this.outbox.toGroup("planner-race-a", "cidJinglingDemoQingshan==", new MessageContent("警令", "甲"));
			this.outbox.toGroup("planner-race-b", "cidJinglingDemoCommand==", new MessageContent("警令", "乙"));
			// the robot may send once a minute; the poll and the wake-up both read the
			// two
			// rows, and the wake-up claims the first before this pass does
			DeliveryPlanner pass = new DeliveryPlanner(this.jdbc, this.json, this.clock, new Pacer(1), this.properties,
					this.kfLinks, this.members, this.outcomes, this.smsFrequency, this.templates);
			List<OutboxRow> due = pass.due(this.clock.instant());
			this.jdbc.update("UPDATE outbox SET status = 'SENDING' WHERE action_key = 'planner-race-a'");

			List<Delivery> planned = pass.plan(due, this.clock.instant());

			assertThat(planned).singleElement()
				.satisfies((delivery) -> assertThat(delivery.request())
					.isEqualTo(new GroupMessage("cidJinglingDemoCommand==", new MessageContent("警令", "乙"))));
			assertThat(pass.plan(pass.due(this.clock.instant()), this.clock.instant())).isEmpty();
		}
		finally {
			this.jdbc.update("UPDATE outbox SET status = 'DEAD' WHERE action_key LIKE 'planner-race-%'");
			this.camel.getRouteController().startRoute("outbox-wakeup");
			this.camel.getRouteController().startRoute("outbox-poll");
		}
	}

	@Test
	void aCallPacingDoesNotAllowGoesBackUnclaimedForLater() throws Exception {
		this.camel.getRouteController().stopRoute("outbox-poll");
		this.camel.getRouteController().stopRoute("outbox-wakeup");
		try {
			this.jdbc.update("UPDATE outbox SET status = 'DEAD' WHERE status IN ('NEW', 'SENDING')");
			this.outbox.toGroup("planner-pace-a", "cidJinglingDemoQingshan==", new MessageContent("警令", "甲"));
			this.outbox.toGroup("planner-pace-b", "cidJinglingDemoCommand==", new MessageContent("警令", "乙"));
			DeliveryPlanner pass = new DeliveryPlanner(this.jdbc, this.json, this.clock, new Pacer(1), this.properties,
					this.kfLinks, this.members, this.outcomes, this.smsFrequency, this.templates);

			assertThat(pass.claimDue()).hasSize(1);

			var deferred = this.jdbc.queryForMap(
					"SELECT status, attempts, claimed_at, next_attempt_at FROM outbox WHERE action_key = 'planner-pace-b'");
			assertThat(deferred).containsEntry("STATUS", "NEW").containsEntry("ATTEMPTS", 0);
			assertThat(deferred.get("CLAIMED_AT")).isNull();
			assertThat(((OffsetDateTime) deferred.get("NEXT_ATTEMPT_AT")).toInstant())
				.isEqualTo(this.clock.instant().plus(Duration.ofMinutes(1)));
		}
		finally {
			this.jdbc.update("UPDATE outbox SET status = 'DEAD' WHERE action_key LIKE 'planner-pace-%'");
			this.camel.getRouteController().startRoute("outbox-wakeup");
			this.camel.getRouteController().startRoute("outbox-poll");
		}
	}

	private void planByHand() {
		this.weCom.failNext(WeComSimulator.KF_ADD_CONTACT_WAY, 60020, 1);
		this.jdbc.update("UPDATE outbox SET status = 'DEAD' WHERE status IN ('NEW', 'SENDING')");
		this.outbox.toOwner("planner-test-task", new GroupTaskPlan("liaison_village_01",
				List.of("wrJLDemoVillageQingshan01"), "XC-20261130-950", "寻找走失老人", "planner-scene"));
		this.outbox.toGroup("planner-test-group", "cidJinglingDemoQingshan==", new MessageContent("警令", "到岗"));

		List<Delivery> planned = this.planner.claimDue();

		assertThat(planned).singleElement()
			.satisfies((delivery) -> assertThat(delivery.operation()).isEqualTo("dingtalk:send-group"));
		var task = this.jdbc.queryForMap("SELECT status, attempts, last_error, next_attempt_at FROM outbox"
				+ " WHERE action_key = 'planner-test-task'");
		assertThat(task).containsEntry("STATUS", "NEW")
			.containsEntry("ATTEMPTS", 1)
			.containsEntry("LAST_ERROR", "60020");
		assertThat(this.jdbc
			.queryForObject("SELECT next_attempt_at FROM outbox WHERE action_key = 'planner-test-task'",
					Timestamp.class)
			.toInstant()).isAfter(this.clock.instant());
		assertThat(this.weCom.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).isEmpty();
	}

}
