package io.jingling.connectors.sms.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jingling.connectors.sms.push.SmsPushes;
import io.jingling.connectors.sms.push.SmsReceipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatorPushTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TestClock clock = new TestClock(Instant.parse("2026-11-30T03:00:01Z"));

	private AliyunSmsSimulator sim;

	private HttpServer hub;

	private final List<String> received = new CopyOnWriteArrayList<>();

	// what the hub answers next, as status and body; then 200 with the ACK
	private final Deque<Object[]> answers = new ArrayDeque<>();

	@BeforeEach
	void start() throws IOException {
		this.sim = AliyunSmsSimulator.start(AliyunSmsSimulatorTest.ACCESS_KEY_ID,
				AliyunSmsSimulatorTest.ACCESS_KEY_SECRET, this.clock);
		this.sim.approveSignName("某县公安局");
		this.sim.approveTemplate("SMS_460000001", List.of("code"));
		this.hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.hub.createContext("/", this::answer);
		this.hub.start();
	}

	@AfterEach
	void stop() {
		this.hub.stop(0);
		this.sim.close();
	}

	@Test
	void pushesDeliveredReceiptsAsOneArrayAndKeepsThemUntilAcknowledged() throws Exception {
		String bizId = send("13800138000,13900139000", "ob-000123");
		this.clock.advance(Duration.ofSeconds(5));
		this.sim.deliver(bizId, "13800138000", true);
		this.clock.advance(Duration.ofSeconds(3));
		this.sim.deliver(bizId, "13900139000", false);
		this.answers.add(new Object[] { 500, "busy" });

		int refused = this.sim.pushReceipts(url("/callbacks/sms/report"), false);
		int accepted = this.sim.pushReceipts(url("/callbacks/sms/report"), true);
		int nothingLeft = this.sim.pushReceipts(url("/callbacks/sms/report"), false);

		assertThat(refused).isEqualTo(500);
		assertThat(accepted).isEqualTo(200);
		assertThat(nothingLeft).isZero();
		assertThat(this.received).hasSize(3).containsOnly(this.received.get(0));
		assertThat(JSON.readTree(this.received.get(0))).isEqualTo(JSON.readTree(
				"""
						[{"phone_number":"13800138000","send_time":"2026-11-30 11:00:01","report_time":"2026-11-30 11:00:06",
						  "success":true,"err_code":"DELIVERED","err_msg":"用户接收成功","sms_size":"1","biz_id":"%s","out_id":"ob-000123"},
						 {"phone_number":"13900139000","send_time":"2026-11-30 11:00:01","report_time":"2026-11-30 11:00:09",
						  "success":false,"err_code":"MK:0001","err_msg":"MK:0001","sms_size":"1","biz_id":"%s","out_id":"ob-000123"}]
						"""
					.formatted(bizId, bizId)));
		assertThat(SmsPushes.receipts(this.received.get(0))).extracting(SmsReceipt::success)
			.containsExactly(true, false);
	}

	@Test
	void anAnswerWhoseCodeIsNotZeroKeepsReceiptsPending() {
		String bizId = send("13800138000", "ob-1");
		this.sim.deliver(bizId, "13800138000", true);
		this.answers.add(new Object[] { 200, "{\"code\":1,\"msg\":\"later\"}" });

		this.sim.pushReceipts(url("/report"), false);
		this.sim.pushReceipts(url("/report"), false);

		assertThat(this.received).hasSize(2);
		assertThat(this.sim.pushReceipts(url("/report"), false)).isZero();
	}

	@Test
	void pushesNothingWhileNothingIsDelivered() {
		send("13800138000", "ob-1");

		assertThat(this.sim.pushReceipts(url("/report"), true)).isZero();
		assertThat(this.received).isEmpty();
	}

	@Test
	void pushesAReplyAsAnSmsUpArray() throws Exception {
		int status = this.sim.pushReply(url("/callbacks/sms/up"), "13800138000", "XC-007 东门旅馆303有可疑人员");

		assertThat(status).isEqualTo(200);
		JsonNode reply = JSON.readTree(this.received.get(0)).get(0);
		assertThat(reply.path("send_time").asText()).isEqualTo("2026-11-30 11:00:01");
		assertThat(reply.path("sequence_id").isTextual()).isTrue();
		assertThat(SmsPushes.replies(this.received.get(0))).singleElement().satisfies((up) -> {
			assertThat(up.phoneNumber()).isEqualTo("13800138000");
			assertThat(up.content()).isEqualTo("XC-007 东门旅馆303有可疑人员");
			assertThat(up.destCode()).isNotBlank();
		});
	}

	@Test
	void deliveringAnUnknownMessageFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.sim.deliver("1^0", "13800138000", true));
	}

	private String send(String numbers, String outId) {
		try {
			SignedRequest.Answered answer = new SignedRequest(this.sim.baseUrl(), AliyunSmsSimulator.SEND_SMS,
					this.clock.instant())
				.query("PhoneNumbers", numbers)
				.query("SignName", "某县公安局")
				.query("TemplateCode", "SMS_460000001")
				.query("TemplateParam", "{\"code\":\"XC-20261130-007\"}")
				.query("OutId", outId)
				.send();
			assertThat(answer.code()).isEqualTo("OK");
			return answer.body().path("BizId").asText();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.hub.getAddress().getPort() + path);
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Object[] answer = this.answers.isEmpty() ? new Object[] { 200, SmsPushes.ACK } : this.answers.poll();
		byte[] body = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders((int) answer[0], body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

}
