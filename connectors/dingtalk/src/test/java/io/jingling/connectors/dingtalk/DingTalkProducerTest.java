package io.jingling.connectors.dingtalk;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jingling.connectors.dingtalk.client.Ding;
import io.jingling.connectors.dingtalk.client.DingKind;
import io.jingling.connectors.dingtalk.client.DingSent;
import io.jingling.connectors.dingtalk.client.DingTalkClient;
import io.jingling.connectors.dingtalk.client.GroupMessage;
import io.jingling.connectors.dingtalk.client.GroupReads;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.connectors.dingtalk.client.Recall;
import io.jingling.connectors.dingtalk.client.SentMessage;
import io.jingling.connectors.dingtalk.client.SessionReply;
import io.jingling.connectors.dingtalk.client.UserMessage;
import io.jingling.connectors.dingtalk.client.UserReads;
import io.jingling.connectors.dingtalk.client.WorkNotice;
import io.jingling.connectors.dingtalk.client.WorkNoticeResult;
import io.jingling.connectors.dingtalk.client.WorkNoticeSent;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator.Failure;
import io.jingling.connectors.dingtalk.sim.Recorded;
import io.jingling.connectors.dingtalk.sim.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DingTalkProducerTest extends CamelTestSupport {

	private static final String APP_KEY = "dinghubtestappkey01";

	private static final String APP_SECRET = "hub-test-app-secret-0001";

	private static final MessageContent ORDER = new MessageContent("警令", "#### 警令 JL-20261130-003");

	private static DingTalkSimulator sim;

	@BeforeAll
	static void startSimulator() {
		sim = DingTalkSimulator.start(APP_KEY, APP_SECRET, APP_KEY, new TestClock(Instant.now()));
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@BeforeEach
	void resetSimulator() {
		sim.reset();
	}

	@Override
	protected RoutesBuilder createRouteBuilder() {
		return new RouteBuilder() {
			@Override
			public void configure() {
				for (DingTalkOperation operation : DingTalkOperation.values()) {
					from("direct:" + operation.uriName()).to(dingtalk(operation.uriName()));
				}
			}
		};
	}

	@Test
	void sendsGroupMessageAndReturnsWhatDingTalkAnswered() {
		Exchange exchange = this.template.request("direct:send-group",
				(e) -> e.getIn().setBody(new GroupMessage("cidCmdGroup0001==", ORDER)));

		assertThat(exchange.getException()).isNull();
		SentMessage sent = exchange.getMessage().getBody(SentMessage.class);
		assertThat(sent.processQueryKey()).startsWith("pqk-");
		assertThat(exchange.getMessage().getHeader(DingTalkConstants.PROCESS_QUERY_KEY))
			.isEqualTo(sent.processQueryKey());
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).singleElement().satisfies((send) -> {
			assertThat(send.json().get("openConversationId").asText()).isEqualTo("cidCmdGroup0001==");
			assertThat(send.json().get("msgKey").asText()).isEqualTo("sampleMarkdown");
			assertThat(send.headers()).containsKey("x-acs-dingtalk-access-token");
		});
	}

	@Test
	void sendsToUsers() {
		SentMessage sent = this.template.requestBody("direct:send-users",
				new UserMessage(List.of("officer002", "officer003"), ORDER), SentMessage.class);

		assertThat(sent.processQueryKey()).startsWith("pqk-");
		assertThat(sim.recorded(DingTalkSimulator.SEND_USERS)).singleElement()
			.satisfies((send) -> assertThat(send.json().get("userIds")).hasSize(2));
	}

	@Test
	void dingsAndReturnsWhatDingTalkAnswered() {
		Exchange exchange = this.template.request("direct:ding",
				(e) -> e.getIn().setBody(new Ding(List.of("officer002", "officer003"), "14:00 集合", DingKind.CALL)));

		assertThat(exchange.getException()).isNull();
		DingSent sent = exchange.getMessage().getBody(DingSent.class);
		assertThat(sent.openDingId()).startsWith("ding-");
		assertThat(sent.failedUserIds()).isEmpty();
		assertThat(exchange.getMessage().getHeader(DingTalkConstants.OPEN_DING_ID)).isEqualTo(sent.openDingId());
		assertThat(sim.recorded(DingTalkSimulator.DING)).singleElement().satisfies((ding) -> {
			assertThat(ding.json().get("remindType").asInt()).isEqualTo(3);
			assertThat(ding.json().get("receiverUserIdList")).hasSize(2);
		});
	}

	@Test
	void dingWithoutQuotaFailsTheExchangeWithThePlatformCode() {
		sim.setDingQuota(0);

		Exchange exchange = this.template.request("direct:ding",
				(e) -> e.getIn().setBody(new Ding(List.of("officer002"), "14:00 集合", DingKind.SMS)));

		assertThat(exchange.getException()).isInstanceOfSatisfying(PermanentConnectorException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("ding.serverquota.insufficient"));
		assertThat(exchange.getMessage().getHeader(DingTalkConstants.OPEN_DING_ID)).isNull();
	}

	@Test
	void repliesInSessionAndKeepsTheBody() {
		SessionReply reply = new SessionReply("https://oapi.dingtalk.com/robot/sendBySession?session=test-session-0001",
				ORDER, List.of("dispatcher01"));

		Object body = this.template.requestBody("direct:reply", reply);

		assertThat(body).isEqualTo(reply);
		assertThat(sim.recorded(DingTalkSimulator.SESSION_REPLY)).singleElement()
			.extracting(Recorded::query)
			.isEqualTo("session=test-session-0001");
	}

	@Test
	void sendsAWorkNoticeAndSetsItsTaskId() {
		Exchange exchange = this.template.request("direct:send-work-notice",
				(e) -> e.getIn().setBody(new WorkNotice(List.of("officer002", "officer003"), ORDER)));

		assertThat(exchange.getException()).isNull();
		WorkNoticeSent sent = exchange.getMessage().getBody(WorkNoticeSent.class);
		assertThat(sent.taskId()).isPositive();
		assertThat(exchange.getMessage().getHeader(DingTalkConstants.TASK_ID)).isEqualTo(sent.taskId());
		assertThat(sim.recorded(DingTalkSimulator.WORK_NOTICE_SEND)).singleElement().satisfies((send) -> {
			assertThat(send.json().get("agent_id").asLong()).isEqualTo(DingTalkSimulator.DEFAULT_AGENT_ID);
			assertThat(send.json().get("userid_list").asText()).isEqualTo("officer002,officer003");
		});
	}

	@Test
	void workNoticeWithoutAnAgentIdFailsTheExchange() {
		Exchange exchange = this.template.request(dingtalk("send-work-notice").replace("&agentId=3300000001", ""),
				(e) -> e.getIn().setBody(new WorkNotice(List.of("officer002"), ORDER)));

		assertThat(exchange.getException()).isInstanceOfSatisfying(PermanentConnectorException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("agentId.missing"));
		assertThat(sim.recorded(DingTalkSimulator.WORK_NOTICE_SEND)).isEmpty();
	}

	@Test
	void recallsAGroupMessageAndKeepsTheBody() {
		SentMessage sent = this.template.requestBody("direct:send-group", new GroupMessage("cidCmdGroup0001==", ORDER),
				SentMessage.class);
		Recall recall = Recall.group("cidCmdGroup0001==", sent.processQueryKey());

		Object body = this.template.requestBody("direct:recall", recall);

		assertThat(body).isEqualTo(recall);
		assertThat(sim.recorded(DingTalkSimulator.RECALL_GROUP)).singleElement()
			.satisfies((r) -> assertThat(r.json().get("processQueryKeys").get(0).asText())
				.isEqualTo(sent.processQueryKey()));
	}

	@Test
	void recallsEachKindThroughItsOwnCall() {
		RecordingClient given = new RecordingClient();
		this.context.getComponent("dingtalk", DingTalkComponent.class).setClient(given);

		this.template.requestBody("dingtalk:recall", Recall.group("cidA", "pqk-1"));
		this.template.requestBody("dingtalk:recall", Recall.users("pqk-2"));
		this.template.requestBody("dingtalk:recall", Recall.workNotice(400000000001L));

		assertThat(given.calls).containsExactly("recall group cidA pqk-1", "recall users pqk-2",
				"recall notice 400000000001");
	}

	@Test
	void refusedRecallFailsTheExchange() {
		Exchange exchange = this.template.request("direct:recall",
				(e) -> e.getIn().setBody(Recall.users("pqk-never-sent")));

		assertThat(exchange.getException()).isInstanceOfSatisfying(PermanentConnectorException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("invalid.processQueryKey"));
	}

	@Test
	void endpointsOfOneAppShareOneToken() {
		this.template.requestBody("direct:send-group", new GroupMessage("cidCmdGroup0001==", ORDER));
		this.template.requestBody("direct:send-users", new UserMessage(List.of("officer002"), ORDER));

		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).hasSize(1);
	}

	@Test
	void throttledSendFailsTheExchangeAndIsSentOnce() {
		sim.failNext(DingTalkSimulator.SEND_GROUP, Failure.THROTTLED, 1);

		Exchange exchange = this.template.request("direct:send-group",
				(e) -> e.getIn().setBody(new GroupMessage("cidCmdGroup0001==", ORDER)));

		assertThat(exchange.getException()).isInstanceOf(ThrottledConnectorException.class);
		assertThat(exchange.getMessage().getHeader(DingTalkConstants.PROCESS_QUERY_KEY)).isNull();
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).hasSize(1);
	}

	@Test
	void refusesABodyOfTheWrongType() {
		Exchange exchange = this.template.request("direct:send-group", (e) -> e.getIn().setBody("警令"));

		assertThat(exchange.getException()).isInstanceOf(InvalidPayloadException.class);
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).isEmpty();
	}

	@Test
	void failsFastWhenACredentialIsMissing() {
		assertThatThrownBy(() -> this.context.getEndpoint("dingtalk:send-group?appKey=k&robotCode=r"))
			.isInstanceOf(ResolveEndpointFailedException.class)
			.hasRootCauseMessage("DingTalk app-secret is missing: set jingling.dingtalk.app-secret");
	}

	@Test
	void refusesAnUnknownOperation() {
		assertThatThrownBy(() -> this.context.getEndpoint(dingtalk("send-ding")))
			.isInstanceOf(ResolveEndpointFailedException.class)
			.hasRootCauseMessage(
					"Unknown DingTalk operation 'send-ding': use one of send-group, send-users, ding, reply, send-work-notice, recall");
	}

	@Test
	void usesTheClientItIsGivenWithoutCredentials() {
		RecordingClient given = new RecordingClient();
		this.context.getComponent("dingtalk", DingTalkComponent.class).setClient(given);

		SentMessage sent = this.template.requestBody("dingtalk:send-group", new GroupMessage("cidA", ORDER),
				SentMessage.class);

		assertThat(sent.processQueryKey()).isEqualTo("pqk-given");
		assertThat(given.calls).containsExactly(new GroupMessage("cidA", ORDER));
		assertThat(sim.recorded(DingTalkSimulator.SEND_GROUP)).isEmpty();
	}

	@Test
	void findsTheSingleClientInTheRegistry() throws Exception {
		RecordingClient registered = new RecordingClient();
		try (DefaultCamelContext camel = new DefaultCamelContext()) {
			camel.getRegistry().bind("dingTalkClient", registered);
			camel.start();

			camel.createProducerTemplate()
				.sendBody("dingtalk:send-users", new UserMessage(List.of("officer002"), ORDER));
		}

		assertThat(registered.calls).containsExactly(new UserMessage(List.of("officer002"), ORDER));
	}

	@Test
	void takesSharedOptionsFromTheComponent() {
		DingTalkConfiguration shared = this.context.getComponent("dingtalk", DingTalkComponent.class)
			.getConfiguration();
		shared.setAppKey(APP_KEY);
		shared.setAppSecret(APP_SECRET);
		shared.setRobotCode(APP_KEY);
		shared.setApiUrl(sim.baseUrl().toString());

		SentMessage sent = this.template.requestBody("dingtalk:send-group", new GroupMessage("cidA", ORDER),
				SentMessage.class);

		assertThat(sent.processQueryKey()).startsWith("pqk-");
	}

	@Test
	void keepsTheSecretOutOfTheConfigurationDump() {
		DingTalkEndpoint endpoint = this.context.getEndpoint(dingtalk("send-group"), DingTalkEndpoint.class);

		assertThat(endpoint.getOperation()).isEqualTo(DingTalkOperation.SEND_GROUP);
		assertThat(endpoint.getConfiguration().getAppSecret()).isEqualTo(APP_SECRET);
		assertThat(endpoint.getConfiguration()).asString().doesNotContain(APP_SECRET);
	}

	private static String dingtalk(String operation) {
		return "dingtalk:" + operation + "?appKey=" + APP_KEY + "&appSecret=" + APP_SECRET + "&robotCode=" + APP_KEY
				+ "&apiUrl=" + sim.baseUrl() + "&oapiUrl=" + sim.baseUrl() + "&agentId=3300000001";
	}

	private static final class RecordingClient implements DingTalkClient {

		private final List<Object> calls = new CopyOnWriteArrayList<>();

		@Override
		public SentMessage sendToGroup(GroupMessage message) {
			this.calls.add(message);
			return new SentMessage("pqk-given", List.of(), List.of());
		}

		@Override
		public SentMessage sendToUsers(UserMessage message) {
			this.calls.add(message);
			return new SentMessage("pqk-given", List.of(), List.of());
		}

		@Override
		public DingSent ding(Ding ding) {
			this.calls.add(ding);
			return new DingSent("ding-given", List.of());
		}

		@Override
		public void replyInSession(SessionReply reply) {
			this.calls.add(reply);
		}

		@Override
		public GroupReads groupReads(String openConversationId, String processQueryKey) {
			throw new UnsupportedOperationException("no endpoint reads");
		}

		@Override
		public UserReads userReads(String processQueryKey) {
			throw new UnsupportedOperationException("no endpoint reads");
		}

		@Override
		public List<String> groupMembers(String openConversationId) {
			throw new UnsupportedOperationException("no endpoint lists members");
		}

		@Override
		public WorkNoticeSent sendWorkNotice(WorkNotice notice) {
			this.calls.add(notice);
			return new WorkNoticeSent(1);
		}

		@Override
		public WorkNoticeResult workNoticeResult(long taskId) {
			throw new UnsupportedOperationException("no endpoint reads");
		}

		@Override
		public void recallGroupMessage(String openConversationId, String processQueryKey) {
			this.calls.add("recall group " + openConversationId + " " + processQueryKey);
		}

		@Override
		public void recallUserMessage(String processQueryKey) {
			this.calls.add("recall users " + processQueryKey);
		}

		@Override
		public void recallWorkNotice(long taskId) {
			this.calls.add("recall notice " + taskId);
		}

	}

}
