package io.jingling.connectors.dingtalk.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.jingling.connectors.dingtalk.events.DingTalkEvent;
import io.jingling.connectors.dingtalk.events.DingTalkEvents;
import io.jingling.connectors.dingtalk.events.EventCrypto;
import io.jingling.connectors.dingtalk.events.EventCryptoException;

// A tiny hub for DingTalkEventSender to call: it checks what a real hub checks (signature,
// decryption, owner key, a one-hour timestamp window), deduplicates on eventId, and
// answers the encrypted "success" unless a test asks for something else.
final class DingTalkEventSenderReceiver implements AutoCloseable {

	static final String PATH = "/callbacks/dingtalk/events";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration WINDOW = Duration.ofHours(1);

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final EventCrypto crypto;

	private final Clock clock;

	private final AtomicInteger failures = new AtomicInteger();

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	final List<Received> requests = new CopyOnWriteArrayList<>();

	final List<DingTalkEvent> events = new CopyOnWriteArrayList<>();

	final List<String> refusals = new CopyOnWriteArrayList<>();

	final AtomicInteger duplicates = new AtomicInteger();

	private volatile Answer answer = Answer.SUCCESS;

	DingTalkEventSenderReceiver(EventCrypto crypto, Clock clock) throws IOException {
		this.crypto = crypto;
		this.clock = clock;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext(PATH, this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + PATH);
	}

	// The next `times` requests get HTTP 500 before anything is checked.
	void failNext(int times) {
		this.failures.set(times);
	}

	void answer(Answer answer) {
		this.answer = answer;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Map<String, String> query = query(exchange.getRequestURI());
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			this.requests.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query,
					exchange.getRequestHeaders().getFirst("Content-Type"), body));
			if (this.failures.getAndDecrement() > 0) {
				respond(exchange, 500, "{\"error\":\"hub busy\"}");
				return;
			}
			String timestamp = query.get("timestamp");
			if (timestamp == null || !timestamp.matches("\\d{1,15}")
					|| Math.abs(this.clock.millis() - Long.parseLong(timestamp)) > WINDOW.toMillis()) {
				refuse(exchange, 400, "STALE");
				return;
			}
			String plain;
			try {
				plain = this.crypto.decrypt(query.get("msg_signature"), timestamp, query.get("nonce"),
						JSON.readTree(body).path("encrypt").asText(null));
			}
			catch (EventCryptoException ex) {
				refuse(exchange, 403, ex.reason().name());
				return;
			}
			DingTalkEvent event = DingTalkEvents.fromHttp(plain);
			if (this.seen.add(event.eventId())) {
				this.events.add(event);
			}
			else {
				this.duplicates.incrementAndGet();
			}
			respond(exchange, 200, answerBody());
		}
	}

	private String answerBody() throws IOException {
		String timestamp = String.valueOf(this.clock.millis());
		Map<String, String> success = new LinkedHashMap<>(
				this.crypto.encryptAnswer(EventCrypto.SUCCESS, timestamp, "answernonce00001"));
		switch (this.answer) {
			case SUCCESS -> {
			}
			case PLAIN -> {
				return "success";
			}
			case NO_ENCRYPT -> success.remove("encrypt");
			case FORGED_SIGNATURE -> success.put("msg_signature",
					EventCrypto.signature("another-token", timestamp, "answernonce00001", success.get("encrypt")));
			case NOT_SUCCESS ->
				success = new LinkedHashMap<>(this.crypto.encryptAnswer("fail", timestamp, "answernonce00001"));
		}
		return JSON.writeValueAsString(success);
	}

	private void refuse(HttpExchange exchange, int status, String reason) throws IOException {
		this.refusals.add(reason);
		respond(exchange, status, "{\"refused\":\"" + reason + "\"}");
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				int eq = pair.indexOf('=');
				query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return query;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	// What the hub answers after it accepted a callback.
	enum Answer {

		SUCCESS, PLAIN, NO_ENCRYPT, FORGED_SIGNATURE, NOT_SUCCESS

	}

	record Received(String method, String path, Map<String, String> query, String contentType, String body) {

		JsonNode json() throws IOException {
			return JSON.readTree(this.body);
		}

	}

}
