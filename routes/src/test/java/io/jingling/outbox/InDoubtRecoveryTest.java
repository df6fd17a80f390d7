package io.jingling.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.bots.engine.ConversationType;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.connectors.dingtalk.client.SentMessage;
import io.jingling.inbound.ReplyChannel;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.wechat.client.GroupTaskRequest;
import io.jingling.connectors.wechat.client.WeComClient;
import io.jingling.connectors.wechat.sim.WeComSimulator;
import io.jingling.wecom.KfLinks;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.templates.MessageTemplates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A row the hub claimed but never recorded: re-sent once and marked, never dropped, never
 * sent a third time.
 */
@HubTest
class InDoubtRecoveryTest {

	private static final String PAYLOAD = """
			{"content":{"title":"警令","markdown":"#### 警令\\n> 到岗"},"openConversationId":"cidJinglingDemoQingshan=="}""";

	@Autowired
	MessageTemplates templates;

	@Autowired
	InDoubtRecovery recovery;

	@Autowired
	DingTalkSimulator sim;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WeComSimulator weCom;

	@Autowired
	WeComClient weComClient;

	@Autowired
	KfLinks kfLinks;

	@Autowired
	DeliveryOutcomes outcomes;

	@Autowired
	ObjectMapper json;

	@BeforeEach
	void setUp() {
		clock.advance(Duration.ofMinutes(1)); // a fresh pacing minute per test
		sim.clearJournal();
	}

	@Test
	void resendsARowLeftInDoubtOnceAndMarksIt() {
		long id = claimedRow("in-doubt-1", Duration.ofMinutes(10));

		recovery.recover();

		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(id)));
		assertThat(jdbc.queryForObject("SELECT resent FROM outbox WHERE id = ?", Boolean.class, id)).isTrue();
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).singleElement()
			.satisfies((call) -> assertThat(call.json().path("openConversationId").asText())
				.isEqualTo("cidJinglingDemoQingshan=="));
		recovery.recover();
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).hasSize(1);
	}

	@Test
	void deadLettersARowInDoubtASecondTime() {
		long id = claimedRow("in-doubt-2", Duration.ofMinutes(10));
		jdbc.update("UPDATE outbox SET resent = TRUE WHERE id = ?", id);

		recovery.recover();

		assertThat(status(id)).isEqualTo("DEAD");
		assertThat(jdbc.queryForObject("SELECT code FROM dead_letter WHERE outbox_id = ?", String.class, id))
			.isEqualTo("in-doubt");
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).isEmpty();
	}

	@Test
	void leavesARecentlyClaimedRowAlone() {
		long id = claimedRow("in-doubt-3", Duration.ofSeconds(5));

		recovery.recover();

		assertThat(status(id)).isEqualTo("SENDING");
		jdbc.update("UPDATE outbox SET status = 'DEAD' WHERE id = ?", id);
	}

	@Test
	void adoptsAWeComTaskThatWasCreatedBeforeTheHubStoppedInsteadOfCreatingItAgain() throws Exception {
		GroupTaskPlan plan = new GroupTaskPlan("liaison_recycling_01", List.of("wrJLDemoRecyclingChengguan01"),
				"XC-20261130-900", "寻找被盗的金手镯", "recycling");
		String text = this.templates.broadcast(null, plan.assistCode(), plan.content(),
				this.kfLinks.linkFor("recycling", plan.assistCode()));
		Instant claimed = this.clock.instant().minus(Duration.ofMinutes(10));
		String msgId = this.weComClient
			.createGroupTask(new GroupTaskRequest(plan.sender(), plan.chatIds(), text, List.of()))
			.msgId();
		long id = claimedTaskRow("in-doubt-task-1", plan, claimed);
		long missing = claimedTaskRow("in-doubt-task-2", new GroupTaskPlan("liaison_recycling_01",
				List.of("wrJLDemoRecyclingHekou01"), "XC-20261130-901", "寻找被盗的摩托车", "recycling"), claimed);
		this.weCom.clearJournal();

		this.recovery.recover();

		assertThat(this.jdbc.queryForMap("SELECT status, platform_ref, resent FROM outbox WHERE id = ?", id))
			.containsEntry("STATUS", "SENT")
			.containsEntry("PLATFORM_REF", msgId)
			.containsEntry("RESENT", false);
		await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(missing)));
		assertThat(this.weCom.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).singleElement()
			.satisfies((call) -> assertThat(call.body()).contains("XC-20261130-901"));
	}

	@Test
	void retriesAPrivateReplyDingTalkFlowControlledInsteadOfCountingItSent() throws Exception {
		var reply = new ReplyChannel(null, null, "cidPrivateChat01==", ConversationType.PRIVATE, "officer01");
		String payload = this.json
			.writeValueAsString(new OutboxPayload(new MessageContent("警铃", "收到"), null, null, reply, null, null, null));
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.update("INSERT INTO outbox (action_key, recipient, operation, payload, status, attempts, created_at,"
				+ " next_attempt_at, claimed_at) VALUES ('private-reply-1', 'cidPrivateChat01==', 'REPLY', ?, 'SENDING',"
				+ " 1, ?, ?, ?)", payload, now, now, now);
		long id = this.jdbc.queryForObject("SELECT id FROM outbox WHERE action_key = 'private-reply-1'", Long.class);

		this.outcomes.sent(List.of(id), new SentMessage("pqk-1", List.of(), List.of("officer01")));

		assertThat(this.jdbc.queryForMap("SELECT status, last_error FROM outbox WHERE id = ?", id))
			.containsEntry("STATUS", "NEW")
			.containsEntry("LAST_ERROR", "flow-controlled");
		this.jdbc.update("UPDATE outbox SET status = 'DEAD' WHERE id = ?", id);
	}

	private long claimedTaskRow(String actionKey, GroupTaskPlan plan, Instant claimed) throws Exception {
		String payload = this.json.writeValueAsString(new OutboxPayload(null, null, null, null, plan, null, null));
		Timestamp at = Timestamp.from(claimed);
		this.jdbc.update(
				"INSERT INTO outbox (action_key, recipient, operation, payload, status, attempts, created_at,"
						+ " next_attempt_at, claimed_at) VALUES (?, ?, 'WECOM_TASK', ?, 'SENDING', 1, ?, ?, ?)",
				actionKey, plan.sender() + ":" + plan.scene(), payload, at, at, at);
		return this.jdbc.queryForObject("SELECT id FROM outbox WHERE action_key = ?", Long.class, actionKey);
	}

	private long claimedRow(String actionKey, Duration ago) {
		Timestamp claimed = Timestamp.from(clock.instant().minus(ago));
		jdbc.update(
				"INSERT INTO outbox (action_key, recipient, operation, pacing_group, payload, status, attempts,"
						+ " created_at, next_attempt_at, claimed_at) VALUES (?, 'cidJinglingDemoQingshan==', 'GROUP',"
						+ " 'cidJinglingDemoQingshan==', ?, 'SENDING', 1, ?, ?, ?)",
				actionKey, PAYLOAD, claimed, claimed, claimed);
		return jdbc.queryForObject("SELECT id FROM outbox WHERE action_key = ?", Long.class, actionKey);
	}

	private String status(long id) {
		return jdbc.queryForObject("SELECT status FROM outbox WHERE id = ?", String.class, id);
	}

}
