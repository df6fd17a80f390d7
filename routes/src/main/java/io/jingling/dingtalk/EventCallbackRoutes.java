package io.jingling.dingtalk;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.connectors.dingtalk.events.DingTalkEvent;
import io.jingling.connectors.dingtalk.events.DingTalkEvents;
import io.jingling.connectors.dingtalk.events.EventCrypto;
import io.jingling.connectors.dingtalk.events.EventCryptoException;
import io.jingling.inbound.CallbackRefusal;
import io.jingling.inbound.Inbox;
import io.jingling.support.Endpoints;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * DingTalk's event subscription at {@code POST /callbacks/dingtalk/events}: the SHA-1
 * signature over token, timestamp, nonce and ciphertext, AES-256-CBC decryption with the
 * owner key checked, events older than {@code jingling.dingtalk.callback.window} refused;
 * {@code check_url} is answered without storing anything, every other event is stored in
 * the inbox once per {@code eventId} and answered with the encrypted {@code success}; the
 * work happens after the answer. Without a configured token and key the route refuses
 * everything.
 */
@Component
class EventCallbackRoutes extends RouteBuilder {

	private static final Logger log = LoggerFactory.getLogger(EventCallbackRoutes.class);

	static final String TYPE = "dingtalk-event";

	private static final String EVENT = "JinglingDingTalkEvent";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final EventCrypto crypto;

	private final Duration window;

	private final Inbox inbox;

	private final ObjectMapper json;

	private final Clock clock;

	EventCallbackRoutes(EventCallbackProperties properties, ObjectProvider<EventCrypto> crypto, Inbox inbox,
			ObjectMapper json, Clock clock) {
		this.crypto = crypto.getIfAvailable();
		this.window = properties.window();
		this.inbox = inbox;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public void configure() {
		// @formatter:off
		from("platform-http:/callbacks/dingtalk/events?httpMethodRestrict=POST")
			.routeId("dingtalk-event-callback")
			.routeConfigurationId("jingling-callbacks")
			.process(this::open).id("decrypt-event")                    // refuses before anything changes
			.filter(exchangeProperty(EVENT).isNotNull())
				.process(this::store).id("store-event")                 // unique on eventId: a replay stores nothing
				.filter(body().isNotNull())
					.to(ExchangePattern.InOnly, Endpoints.INBOX_HAND_OFF).id("hand-event-to-engine")
				.end()
			.end()
			.process(this::answer).id("answer-success");
		// @formatter:on
	}

	private void open(Exchange exchange) {
		if (this.crypto == null) {
			throw CallbackRefusal.of(404, "event subscription not configured");
		}
		var message = exchange.getMessage();
		String signature = firstOf(message.getHeader("msg_signature", String.class),
				message.getHeader("signature", String.class));
		String timestamp = firstOf(message.getHeader("timestamp", String.class),
				message.getHeader("timeStamp", String.class));
		String nonce = message.getHeader("nonce", String.class);
		String encrypt = encryptOf(message.getBody(String.class));
		if (signature == null || timestamp == null || nonce == null || encrypt == null) {
			throw CallbackRefusal.of(400, "malformed");
		}
		String plaintext;
		try {
			plaintext = this.crypto.decrypt(signature, timestamp, nonce, encrypt);
		}
		catch (EventCryptoException ex) {
			throw CallbackRefusal.of(
					(ex.reason() == EventCryptoException.Reason.SIGNATURE
							|| ex.reason() == EventCryptoException.Reason.OWNER_KEY) ? 401 : 400,
					"event " + ex.reason().name().toLowerCase(Locale.ROOT));
		}
		DingTalkEvent event;
		try {
			event = DingTalkEvents.fromHttp(plaintext);
		}
		catch (IllegalArgumentException ex) {
			throw CallbackRefusal.of(400, "malformed event");
		}
		if ("check_url".equals(event.eventType())) {
			log.info("dingtalk.event check_url answered");
			return;
		}
		Instant now = this.clock.instant();
		if (Duration.between(event.bornAt(), now).abs().compareTo(this.window) > 0) {
			throw CallbackRefusal.of(400, "stale event");
		}
		exchange.setProperty(EVENT, event);
		message.setBody(plaintext);
	}

	private void store(Exchange exchange) throws JsonProcessingException {
		DingTalkEvent event = exchange.getProperty(EVENT, DingTalkEvent.class);
		JsonNode payload = this.json.readTree(exchange.getMessage().getBody(String.class));
		Long id = this.inbox.store("dingtalk", "event:" + event.eventId(), TYPE, payload);
		log.info("dingtalk.event stored type={} eventId={} new={}", event.eventType(), event.eventId(), id != null);
		exchange.getMessage().setBody(id);
	}

	private void answer(Exchange exchange) throws JsonProcessingException {
		String timestamp = String.valueOf(this.clock.millis());
		Map<String, String> answer = this.crypto.encryptAnswer("success", timestamp, nonce());
		var message = exchange.getMessage();
		message.removeHeaders("*");
		message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
		message.setHeader(Exchange.CONTENT_TYPE, "application/json");
		message.setBody(this.json.writeValueAsString(answer));
	}

	private String encryptOf(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			JsonNode node = this.json.readTree(body);
			return node.path("encrypt").isTextual() ? node.path("encrypt").asText() : null;
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

	private static String nonce() {
		String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder nonce = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			nonce.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return nonce.toString();
	}

	private static String firstOf(String a, String b) {
		return (a != null) ? a : b;
	}

}
