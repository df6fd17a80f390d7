package io.jingling.connectors.sms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
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
import io.jingling.connectors.sms.client.SdkSmsClient;
import io.jingling.connectors.sms.client.SmsBatchMessage;
import io.jingling.connectors.sms.client.SmsClient;
import io.jingling.connectors.sms.client.SmsDetail;
import io.jingling.connectors.sms.client.SmsMessage;
import io.jingling.connectors.sms.client.SmsSent;
import io.jingling.connectors.sms.client.SmsSettings;
import io.jingling.connectors.sms.client.SmsTemplate;
import io.jingling.connectors.sms.client.SmsTemplates;
import io.jingling.connectors.sms.sim.AliyunSmsSimulator;
import io.jingling.connectors.sms.sim.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsProducerTest extends CamelTestSupport {

	private static final String ACCESS_KEY_ID = "LTAI5tJinglingTestKey";

	private static final String ACCESS_KEY_SECRET = "JinglingTestSecret0000000000000";

	private static final SmsMessage ASSIST_REQUEST = new SmsMessage(List.of("13800138000"), "SMS_460000001",
			Map.of("code", "XC-20261130-007"), "ob-000123");

	private static AliyunSmsSimulator sim;

	@BeforeAll
	static void startSimulator() {
		sim = AliyunSmsSimulator.start(ACCESS_KEY_ID, ACCESS_KEY_SECRET, new TestClock(Instant.now()));
		sim.approveSignName("某县公安局");
		sim.approveTemplate("SMS_460000001", List.of("code"));
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
	protected CamelContext createCamelContext() throws Exception {
		CamelContext camel = super.createCamelContext();
		SmsComponent sms = new SmsComponent();
		sms.setClient(new SdkSmsClient(
				new SmsSettings(sim.baseUrl(), ACCESS_KEY_ID, ACCESS_KEY_SECRET, "某县公安局", SmsSettings.DEFAULT_TIMEOUT),
				SmsTemplates.of(List.of(new SmsTemplate("SMS_460000001", List.of("code"))))));
		camel.addComponent("sms", sms);
		return camel;
	}

	@Override
	protected RoutesBuilder createRouteBuilder() {
		return new RouteBuilder() {
			@Override
			public void configure() {
				from("direct:send").to("sms:send");
				from("direct:send-batch").to("sms:send-batch");
			}
		};
	}

	@Test
	void sendsAndReturnsWhatAliyunAnswered() {
		Exchange exchange = this.template.request("direct:send", (e) -> e.getIn().setBody(ASSIST_REQUEST));

		assertThat(exchange.getException()).isNull();
		SmsSent sent = exchange.getMessage().getBody(SmsSent.class);
		assertThat(sent.bizId()).isEqualTo(sim.accepted().get(0).bizId());
		assertThat(exchange.getMessage().getHeader(SmsConstants.BIZ_ID)).isEqualTo(sent.bizId());
		assertThat(sim.recorded(AliyunSmsSimulator.SEND_SMS)).singleElement()
			.satisfies((send) -> assertThat(send.param("OutId")).isEqualTo("ob-000123"));
	}

	@Test
	void sendsABatch() {
		SmsSent sent = this.template.requestBody("direct:send-batch",
				new SmsBatchMessage(List.of("13800138000", "13900139000"), "SMS_460000001",
						List.of(Map.of("code", "XC-7"), Map.of("code", "XC-8")), "ob-000124"),
				SmsSent.class);

		assertThat(sent.bizId()).matches("\\d+\\^0");
		assertThat(sim.recorded(AliyunSmsSimulator.SEND_BATCH_SMS)).hasSize(1);
	}

	@Test
	void aThrottledSendFailsTheExchangeAndIsSentOnce() {
		sim.failNext("isv.BUSINESS_LIMIT_CONTROL", 1);

		Exchange exchange = this.template.request("direct:send", (e) -> e.getIn().setBody(ASSIST_REQUEST));

		assertThat(exchange.getException()).isInstanceOf(ThrottledConnectorException.class);
		assertThat(exchange.getMessage().getHeader(SmsConstants.BIZ_ID)).isNull();
		assertThat(sim.recorded(AliyunSmsSimulator.SEND_SMS)).hasSize(1);
	}

	@Test
	void refusesABodyOfTheWrongType() {
		Exchange exchange = this.template.request("direct:send", (e) -> e.getIn().setBody("协查 XC-007"));

		assertThat(exchange.getException()).isInstanceOf(InvalidPayloadException.class);
		assertThat(sim.recorded(AliyunSmsSimulator.SEND_SMS)).isEmpty();
	}

	@Test
	void refusesAnUnknownOperation() {
		assertThatThrownBy(() -> this.context.getEndpoint("sms:send-later"))
			.isInstanceOf(ResolveEndpointFailedException.class)
			.hasRootCauseMessage("Unknown SMS operation 'send-later': use one of send, send-batch");
	}

	@Test
	void findsTheSingleClientInTheRegistry() throws Exception {
		RecordingClient registered = new RecordingClient();
		try (DefaultCamelContext camel = new DefaultCamelContext()) {
			camel.getRegistry().bind("smsClient", registered);
			camel.start();

			camel.createProducerTemplate().sendBody("sms:send", ASSIST_REQUEST);
		}

		assertThat(registered.calls).containsExactly(ASSIST_REQUEST);
	}

	@Test
	void failsFastWithoutAClient() throws Exception {
		try (DefaultCamelContext camel = new DefaultCamelContext()) {
			camel.addRoutes(new RouteBuilder() {
				@Override
				public void configure() {
					from("direct:send").to("sms:send");
				}
			});

			assertThatThrownBy(camel::start).isInstanceOf(FailedToCreateRouteException.class)
				.hasRootCauseMessage("No SmsClient for the sms component: set one with setClient(..) or bind exactly "
						+ "one SmsClient (with Spring Boot, set jingling.sms.access-key-id)");
		}
	}

	private static final class RecordingClient implements SmsClient {

		private final List<Object> calls = new CopyOnWriteArrayList<>();

		@Override
		public SmsSent send(SmsMessage message) {
			this.calls.add(message);
			return new SmsSent("1^0", "REQ-given");
		}

		@Override
		public SmsSent sendBatch(SmsBatchMessage message) {
			this.calls.add(message);
			return new SmsSent("2^0", "REQ-given");
		}

		@Override
		public List<SmsDetail> details(String phoneNumber, LocalDate sendDate, String bizId) {
			return List.of();
		}

	}

}
