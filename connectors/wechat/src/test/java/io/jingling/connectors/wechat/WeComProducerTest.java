package io.jingling.connectors.wechat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.wechat.client.CreatedTask;
import io.jingling.connectors.wechat.client.GroupSendResult;
import io.jingling.connectors.wechat.client.GroupTask;
import io.jingling.connectors.wechat.client.GroupTaskRequest;
import io.jingling.connectors.wechat.client.KfBatch;
import io.jingling.connectors.wechat.client.KfText;
import io.jingling.connectors.wechat.client.OwnerTask;
import io.jingling.connectors.wechat.client.WeComClient;
import io.jingling.connectors.wechat.sim.TestClock;
import io.jingling.connectors.wechat.sim.WeComSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeComProducerTest extends CamelTestSupport {

	private static final String CORP_ID = "ww00jingling000001";

	private static final String SECRET = "hub-test-wecom-secret-0001";

	private static final String TOKEN = "JinglingCbToken";

	private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final String KF_ID = "wkJinglingKf0001";

	private static final String OWNER = "liaison_taxi_01";

	private static final String INFORMANT = "wmJL00Informant0000000001";

	private static final GroupTaskRequest ASSIST_REQUEST = new GroupTaskRequest(OWNER,
			List.of("wrJL00TaxiChengdong0000001", "wrJL00TaxiChengxi00000002"), "【协查 XC-20261130-007】寻找白色面包车",
			List.of());

	private static WeComSimulator sim;

	@BeforeAll
	static void startSimulator() {
		sim = WeComSimulator.start(CORP_ID, SECRET, TOKEN, AES_KEY, KF_ID, new TestClock(Instant.now()));
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@BeforeEach
	void clearSimulator() {
		sim.clearJournal();
	}

	@Override
	protected RoutesBuilder createRouteBuilder() {
		return new RouteBuilder() {
			@Override
			public void configure() {
				for (WeComOperation operation : WeComOperation.values()) {
					from("direct:" + operation.uriName()).to(wecom(operation.uriName()));
				}
			}
		};
	}

	@Test
	void createsAGroupTaskAndSetsItsMsgId() {
		Exchange exchange = this.template.request("direct:create-group-task", (e) -> e.getIn().setBody(ASSIST_REQUEST));

		assertThat(exchange.getException()).isNull();
		GroupTask task = exchange.getMessage().getBody(GroupTask.class);
		assertThat(task.msgId()).startsWith("msg");
		assertThat(exchange.getMessage().getHeader(WeComConstants.MSG_ID)).isEqualTo(task.msgId());
		assertThat(sim.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).singleElement()
			.satisfies((sent) -> assertThat(sent.json().get("chat_id_list")).hasSize(2));
	}

	@Test
	void remindsAndCancelsByMsgIdKeepingTheBody() {
		String msgId = this.template.requestBody("direct:create-group-task", ASSIST_REQUEST, GroupTask.class).msgId();

		Object reminded = this.template.requestBody("direct:remind", msgId);
		Object cancelled = this.template.requestBody("direct:cancel", msgId);

		assertThat(reminded).isEqualTo(msgId);
		assertThat(cancelled).isEqualTo(msgId);
		assertThat(sim.recorded(WeComSimulator.REMIND)).singleElement()
			.satisfies((remind) -> assertThat(remind.json().get("msgid").asText()).isEqualTo(msgId));
		assertThat(sim.recorded(WeComSimulator.CANCEL)).hasSize(1);
	}

	@Test
	void repliesThroughKfAndReturnsTheMsgId() {
		sim.customerWritesText(INFORMANT, "XC-007 城东加油站旁停着一辆白色面包车");

		Exchange exchange = this.template.request("direct:send-kf-text",
				(e) -> e.getIn().setBody(new KfText(INFORMANT, "已收到，线索编号 XS-20261130-0042，谢谢！")));

		assertThat(exchange.getException()).isNull();
		String msgId = exchange.getMessage().getBody(String.class);
		assertThat(msgId).startsWith("sim-kf-");
		assertThat(exchange.getMessage().getHeader(WeComConstants.MSG_ID)).isEqualTo(msgId);
		assertThat(sim.recorded(WeComSimulator.KF_SEND_MSG)).singleElement()
			.satisfies((sent) -> assertThat(sent.json().get("touser").asText()).isEqualTo(INFORMANT));
	}

	@Test
	void endpointsOfOneAppShareOneToken() {
		String msgId = this.template.requestBody("direct:create-group-task", ASSIST_REQUEST, GroupTask.class).msgId();
		this.template.requestBody("direct:remind", msgId);

		assertThat(sim.recorded(WeComSimulator.GET_TOKEN)).hasSize(1);
	}

	@Test
	void throttledCallFailsTheExchangeAndIsSentOnce() {
		sim.failNext(WeComSimulator.ADD_MSG_TEMPLATE, 45009, 1);

		Exchange exchange = this.template.request("direct:create-group-task", (e) -> e.getIn().setBody(ASSIST_REQUEST));

		assertThat(exchange.getException()).isInstanceOf(ThrottledConnectorException.class);
		assertThat(exchange.getMessage().getHeader(WeComConstants.MSG_ID)).isNull();
		assertThat(sim.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).hasSize(1);
	}

	@Test
	void refusesABodyOfTheWrongType() {
		Exchange exchange = this.template.request("direct:send-kf-text", (e) -> e.getIn().setBody("已收到"));

		assertThat(exchange.getException()).isInstanceOf(InvalidPayloadException.class);
		assertThat(sim.recorded(WeComSimulator.KF_SEND_MSG)).isEmpty();
	}

	@Test
	void failsFastWhenACredentialIsMissing() {
		assertThatThrownBy(() -> this.context.getEndpoint(
				"wecom:remind?corpId=" + CORP_ID + "&secret=" + SECRET + "&token=" + TOKEN + "&aesKey=" + AES_KEY))
			.isInstanceOf(ResolveEndpointFailedException.class)
			.hasRootCauseMessage("WeCom kf-id is missing: set jingling.wecom.kf-id");
	}

	@Test
	void refusesAnUnknownOperation() {
		assertThatThrownBy(() -> this.context.getEndpoint(wecom("send-group")))
			.isInstanceOf(ResolveEndpointFailedException.class)
			.hasRootCauseMessage(
					"Unknown WeCom operation 'send-group': use one of create-group-task, remind, cancel, send-kf-text");
	}

	@Test
	void usesTheClientItIsGivenWithoutCredentials() {
		RecordingClient given = new RecordingClient();
		this.context.getComponent("wecom", WeComComponent.class).setClient(given);

		GroupTask task = this.template.requestBody("wecom:create-group-task", ASSIST_REQUEST, GroupTask.class);

		assertThat(task.msgId()).isEqualTo("msg-given");
		assertThat(given.calls).containsExactly(ASSIST_REQUEST);
		assertThat(sim.recorded(WeComSimulator.ADD_MSG_TEMPLATE)).isEmpty();
	}

	@Test
	void findsTheSingleClientInTheRegistry() throws Exception {
		RecordingClient registered = new RecordingClient();
		try (DefaultCamelContext camel = new DefaultCamelContext()) {
			camel.getRegistry().bind("weComClient", registered);
			camel.start();

			camel.createProducerTemplate().sendBody("wecom:remind", "msg0001");
		}

		assertThat(registered.calls).containsExactly("remind msg0001");
	}

	@Test
	void takesSharedOptionsFromTheComponent() {
		WeComConfiguration shared = this.context.getComponent("wecom", WeComComponent.class).getConfiguration();
		shared.setCorpId(CORP_ID);
		shared.setSecret(SECRET);
		shared.setToken(TOKEN);
		shared.setAesKey(AES_KEY);
		shared.setKfId(KF_ID);
		shared.setApiUrl(sim.baseUrl().toString());

		GroupTask task = this.template.requestBody("wecom:create-group-task", ASSIST_REQUEST, GroupTask.class);

		assertThat(task.msgId()).startsWith("msg");
	}

	@Test
	void keepsSecretsOutOfTheConfigurationDump() {
		WeComEndpoint endpoint = this.context.getEndpoint(wecom("create-group-task"), WeComEndpoint.class);

		assertThat(endpoint.getOperation()).isEqualTo(WeComOperation.CREATE_GROUP_TASK);
		assertThat(endpoint.getConfiguration().getSecret()).isEqualTo(SECRET);
		assertThat(endpoint.getConfiguration()).asString()
			.doesNotContain(SECRET)
			.doesNotContain(TOKEN)
			.doesNotContain(AES_KEY);
		assertThat(endpoint.getConfiguration().toSettings()).asString()
			.doesNotContain(SECRET)
			.doesNotContain(TOKEN)
			.doesNotContain(AES_KEY);
	}

	private static String wecom(String operation) {
		return "wecom:" + operation + "?corpId=" + CORP_ID + "&secret=" + SECRET + "&token=" + TOKEN + "&aesKey="
				+ AES_KEY + "&kfId=" + KF_ID + "&apiUrl=" + sim.baseUrl();
	}

	private static final class RecordingClient implements WeComClient {

		private final List<Object> calls = new CopyOnWriteArrayList<>();

		@Override
		public GroupTask createGroupTask(GroupTaskRequest request) {
			this.calls.add(request);
			return new GroupTask("msg-given", List.of());
		}

		@Override
		public List<OwnerTask> taskStatus(String msgId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<GroupSendResult> sendResults(String msgId, String owner) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<CreatedTask> tasksCreatedBy(String creator, Instant from, Instant to) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void remind(String msgId) {
			this.calls.add("remind " + msgId);
		}

		@Override
		public void cancel(String msgId) {
			this.calls.add("cancel " + msgId);
		}

		@Override
		public String kfLink(String scene) {
			throw new UnsupportedOperationException();
		}

		@Override
		public KfBatch syncKf(String token, String cursor) {
			throw new UnsupportedOperationException();
		}

		@Override
		public String sendKfText(String externalUserId, String text) {
			this.calls.add(new KfText(externalUserId, text));
			return "kf-given";
		}

		@Override
		public String uploadImage(String fileName, byte[] content) {
			throw new UnsupportedOperationException();
		}

		@Override
		public byte[] downloadMedia(String mediaId) {
			throw new UnsupportedOperationException();
		}

	}

}
