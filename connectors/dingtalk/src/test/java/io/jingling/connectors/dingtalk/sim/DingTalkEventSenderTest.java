package io.jingling.connectors.dingtalk.sim;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.jingling.connectors.dingtalk.events.DingTalkEvent;
import io.jingling.connectors.dingtalk.events.DingTalkEvents;
import io.jingling.connectors.dingtalk.events.EventCrypto;
import io.jingling.connectors.dingtalk.sim.DingTalkEventSender.Result;
import io.jingling.connectors.dingtalk.sim.DingTalkEventSender.Tamper;
import io.jingling.connectors.dingtalk.sim.DingTalkEventSenderReceiver.Answer;
import io.jingling.connectors.dingtalk.sim.DingTalkEventSenderReceiver.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DingTalkEventSenderTest {

	private static final String TOKEN = "hubtoken123";

	private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	private static final String OWNER_KEY = "dinghubtestappkey01";

	private static final String CORP_ID = "dingcorphub0001";

	private static final Instant NOW = Instant.ofEpochMilli(1_700_000_000_000L);

	private static final Map<String, Object> CHECK_IN = Map.of("staffId", "officer003", "timeStamp",
			1_700_000_000_000L);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TestClock clock = new TestClock(NOW);

	private final EventCrypto crypto = new EventCrypto(TOKEN, AES_KEY, OWNER_KEY);

	private DingTalkEventSenderReceiver hub;

	private DingTalkEventSender sender;

	@BeforeEach
	void startHub() throws Exception {
		this.hub = new DingTalkEventSenderReceiver(this.crypto, this.clock);
		this.sender = new DingTalkEventSender(this.hub.url(), TOKEN, AES_KEY, OWNER_KEY, CORP_ID, this.clock);
	}

	@AfterEach
	void stopHub() {
		this.hub.close();
	}

	@Test
	void checksTheUrlLikeTheConsole() throws Exception {
		Result result = this.sender.checkUrl();
		assertThat(result).isEqualTo(new Result(null, 1, true, 200));
		Received request = this.hub.requests.get(0);
		String plain = this.crypto.decrypt(request.query().get("msg_signature"), request.query().get("timestamp"),
				request.query().get("nonce"), request.json().get("encrypt").asText());
		assertThat(plain).isEqualTo("{\"EventType\":\"check_url\"}");
		assertThat(this.hub.events).extracting(DingTalkEvent::eventType).containsExactly("check_url");
	}

	@Test
	void postsAFlatEncryptedSignedEvent() throws Exception {
		Result result = this.sender.send("check_in", CHECK_IN);
		assertThat(result.accepted()).isTrue();
		assertThat(result.attempts()).isEqualTo(1);
		assertThat(result.lastStatus()).isEqualTo(200);

		Received request = this.hub.requests.get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo(DingTalkEventSenderReceiver.PATH);
		assertThat(request.contentType()).isEqualTo("application/json");
		assertThat(request.query()).containsOnlyKeys("msg_signature", "timestamp", "nonce")
			.containsEntry("timestamp", "1700000000000");
		assertThat(request.query().get("nonce")).hasSize(16);
		assertThat(request.json().fieldNames()).toIterable().containsExactly("encrypt");
		assertThat(request.query().get("msg_signature")).isEqualTo(EventCrypto.signature(TOKEN, "1700000000000",
				request.query().get("nonce"), request.json().get("encrypt").asText()));

		DingTalkEvent event = this.hub.events.get(0);
		assertThat(event.eventId()).isEqualTo(result.eventId()).hasSize(32);
		assertThat(event.eventType()).isEqualTo("check_in");
		assertThat(event.corpId()).isEqualTo(CORP_ID);
		assertThat(event.bornAt()).isEqualTo(NOW);
		assertThat(event.bizId()).isNotBlank().isNotEqualTo(event.eventId());
		assertThat(event.data()).isEqualTo(JSON.readTree("{\"staffId\":\"officer003\",\"timeStamp\":1700000000000}"));
	}

	@Test
	void keepsAQueryTheCallbackUrlAlreadyHas() {
		var withQuery = new DingTalkEventSender(URI.create(this.hub.url() + "?app=hub"), TOKEN, AES_KEY, OWNER_KEY,
				CORP_ID, this.clock);
		assertThat(withQuery.send("check_in", CHECK_IN).accepted()).isTrue();
		assertThat(this.hub.requests.get(0).query()).containsEntry("app", "hub").containsKey("msg_signature");
	}

	@Test
	void resendsTheSameEventAsADuplicate() throws Exception {
		Result first = this.sender.send("check_in", CHECK_IN);
		this.clock.advance(Duration.ofSeconds(30));
		Result again = this.sender.resend(first.eventId());
		assertThat(again).isEqualTo(new Result(first.eventId(), 1, true, 200));
		assertThat(this.hub.events).hasSize(1);
		assertThat(this.hub.duplicates).hasValue(1);
		assertThat(plaintext(0)).isEqualTo(plaintext(1));
		assertThat(this.hub.requests.get(1).query()).containsEntry("timestamp", "1700000030000");
	}

	@Test
	void retriesTheSameEventAfterA500() throws Exception {
		this.hub.failNext(1);
		Result result = this.sender.send("check_in", CHECK_IN);
		assertThat(result).isEqualTo(new Result(result.eventId(), 2, true, 200));
		assertThat(this.hub.requests).hasSize(2);
		assertThat(this.hub.requests.get(0).body()).as("fresh random prefix")
			.isNotEqualTo(this.hub.requests.get(1).body());
		assertThat(plaintext(1)).contains("\"eventId\":\"" + result.eventId() + "\"");
		assertThat(this.hub.events).extracting(DingTalkEvent::eventId).containsExactly(result.eventId());
	}

	@Test
	void givesUpAfterItsRetries() {
		this.hub.failNext(10);
		assertThat(this.sender.send("check_in", CHECK_IN))
			.extracting(Result::attempts, Result::accepted, Result::lastStatus)
			.containsExactly(3, false, 500);
		this.sender.setRetries(0);
		assertThat(this.sender.send("check_in", CHECK_IN).attempts()).isEqualTo(1);
		assertThat(this.hub.requests).hasSize(4);
	}

	@ParameterizedTest
	@CsvSource({ "PLAIN", "NO_ENCRYPT", "FORGED_SIGNATURE", "NOT_SUCCESS" })
	void countsOnlyAnEncryptedSignedSuccess(Answer answer) {
		this.hub.answer(answer);
		Result result = this.sender.send("check_in", CHECK_IN);
		assertThat(result.accepted()).isFalse();
		assertThat(result.attempts()).isEqualTo(3);
		assertThat(result.lastStatus()).isEqualTo(200);
		assertThat(this.hub.events).hasSize(1);
		assertThat(this.hub.duplicates).as("the retries exercise de-duplication").hasValue(2);
	}

	@ParameterizedTest
	@CsvSource({ "FORGED_SIGNATURE, SIGNATURE, 403", "WRONG_OWNER_KEY, OWNER_KEY, 403", "BAD_PADDING, PADDING, 403",
			"STALE, STALE, 400" })
	void eachTamperIsRefusedAndNotRetried(Tamper tamper, String reason, int status) {
		Result result = this.sender.sendWith(tamper, "check_in", CHECK_IN);
		assertThat(result).isEqualTo(new Result(result.eventId(), 1, false, status));
		assertThat(this.hub.refusals).containsExactly(reason);
		assertThat(this.hub.events).isEmpty();
	}

	@Test
	void staleEventsCarryTheirOldTimeWhenResent() {
		Result stale = this.sender.sendWith(Tamper.STALE, "check_in", CHECK_IN);
		assertThat(this.hub.requests.get(0).query()).containsEntry("timestamp", "1699992800000");
		assertThat(this.sender.resend(stale.eventId()).accepted()).isTrue();
		assertThat(this.hub.events).singleElement()
			.extracting(DingTalkEvent::bornAt)
			.isEqualTo(NOW.minus(Duration.ofHours(2)));
	}

	@Test
	void backsOffBeforeEachRetry() {
		this.hub.failNext(2);
		this.sender.setRetryDelay(Duration.ofMillis(40));
		long started = System.nanoTime();
		Result result = this.sender.send("check_in", CHECK_IN);
		assertThat(result.attempts()).isEqualTo(3);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("40 ms, then 80 ms")
			.isGreaterThanOrEqualTo(Duration.ofMillis(120));
	}

	@Test
	void reportsAnUnreachableHubAsStatusZero() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		var nowhere = new DingTalkEventSender(URI.create("http://127.0.0.1:" + closedPort + "/events"), TOKEN, AES_KEY,
				OWNER_KEY, CORP_ID, this.clock);
		assertThat(nowhere.send("check_in", CHECK_IN))
			.extracting(Result::attempts, Result::accepted, Result::lastStatus)
			.containsExactly(3, false, 0);
	}

	@Test
	void listsEveryDeliveryInOrder() {
		Result check = this.sender.checkUrl();
		Result sent = this.sender.send("check_in", CHECK_IN);
		Result tampered = this.sender.sendWith(Tamper.BAD_PADDING, "check_in", CHECK_IN);
		assertThat(this.sender.sent()).containsExactly(check, sent, tampered);
	}

	@Test
	void sendsConcurrently() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Result>> futures = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String staff = "officer" + i;
				futures.add(pool.submit(() -> this.sender.send("check_in", Map.of("staffId", staff))));
			}
			for (Future<Result> future : futures) {
				assertThat(future.get().accepted()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.sender.sent()).hasSize(20);
		assertThat(this.hub.events).extracting((event) -> DingTalkEvents.text(event.data(), "staffId"))
			.hasSize(20)
			.doesNotHaveDuplicates();
	}

	@Test
	void refusesFieldsThatOverwriteTheEnvelopeAndUnknownResends() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.sender.send("check_in", Map.of("eventId", "evt-forced")))
			.withMessageContaining("eventId");
		assertThatIllegalArgumentException().isThrownBy(() -> this.sender.resend("evt-never"));
		assertThat(this.hub.requests).isEmpty();
	}

	private String plaintext(int request) throws Exception {
		Received received = this.hub.requests.get(request);
		return this.crypto.decrypt(received.query().get("msg_signature"), received.query().get("timestamp"),
				received.query().get("nonce"), received.json().get("encrypt").asText());
	}

}
