package io.jingling.connectors.dingtalk.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plays DingTalk pushing subscribed events (事件订阅) to the hub's callback URL, as the real
 * platform does in HTTP mode: the flat payload ({@code EventType}, {@code EventTime},
 * {@code CorpId}, {@code BizId}, {@code eventId} and the event's fields) encrypted with
 * the app's aes_key and owner key after a random 16-byte prefix, signed with the token,
 * and POSTed as {@code {"encrypt":".."}} with {@code msg_signature}, {@code timestamp}
 * and {@code nonce} in the query. A delivery counts only if the answer is HTTP 200 with
 * {@code msg_signature}, {@code timeStamp}, {@code nonce} and {@code encrypt}, the
 * signature verifies and {@code encrypt} decrypts to exactly {@code success}; otherwise
 * the same event (same {@code eventId}, same payload, fresh timestamp and nonce) is sent
 * again after a backoff that doubles, so the hub's de-duplication gets exercised. How
 * often and how long the real platform retries is undocumented. Thread-safe.
 */
public final class DingTalkEventSender {

	// How long a POST may take; the console's URL check allows only 1500 ms.
	static final Duration TIMEOUT = Duration.ofSeconds(5);

	static final Duration CHECK_URL_TIMEOUT = Duration.ofMillis(1500);

	static final Duration STALE_BY = Duration.ofHours(2);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<String> ENVELOPE = List.of("EventType", "EventTime", "CorpId", "BizId", "eventId");

	private final DingTalkEventSenderWire wire;

	private final String corpId;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	private final Map<String, String> payloads = new ConcurrentHashMap<>();

	private final List<Result> sent = new CopyOnWriteArrayList<>();

	private volatile int retries = 2;

	private volatile Duration retryDelay = Duration.ZERO;

	/**
	 * A sender for one app: the token, 43-character aes_key and owner key (usually the
	 * AppKey) the hub is configured with, the corp the events come from, and the clock
	 * that stamps {@code EventTime} and {@code timestamp}.
	 */
	public DingTalkEventSender(URI callbackUrl, String token, String aesKey, String ownerKey, String corpId,
			Clock clock) {
		this.wire = new DingTalkEventSenderWire(Objects.requireNonNull(callbackUrl, "callbackUrl"), token, aesKey,
				ownerKey, Objects.requireNonNull(clock, "clock"));
		this.corpId = corpId;
		this.clock = clock;
	}

	/** How many times a refused delivery is sent again (default 2; 0 = never). */
	public void setRetries(int retries) {
		if (retries < 0) {
			throw new IllegalArgumentException("retries must not be negative");
		}
		this.retries = retries;
	}

	/**
	 * The pause before the first retry, doubled before each further one (default zero, so
	 * tests run fast; the embedded run may set seconds).
	 */
	public void setRetryDelay(Duration retryDelay) {
		if (retryDelay == null || retryDelay.isNegative()) {
			throw new IllegalArgumentException("retryDelay must be zero or positive");
		}
		this.retryDelay = retryDelay;
	}

	/**
	 * What the console's "验证有效性" sends: {@code {"EventType":"check_url"}}, once, with
	 * 1500 ms to answer. The result's {@code eventId} is null: the check has none.
	 */
	public Result checkUrl() {
		Attempt attempt = post("{\"EventType\":\"check_url\"}", null, CHECK_URL_TIMEOUT);
		return record(new Result(null, 1, attempt.accepted(), attempt.status()));
	}

	/**
	 * Sends a new event of {@code eventType} with {@code fields} beside the envelope,
	 * retrying until accepted or out of retries.
	 * @throws IllegalArgumentException if a field would overwrite an envelope key
	 */
	public Result send(String eventType, Map<String, Object> fields) {
		String eventId = newId();
		String payload = payload(eventType, eventId, this.clock.millis(), fields);
		this.payloads.put(eventId, payload);
		return deliver(eventId, payload);
	}

	/**
	 * Delivers an earlier event again, with its id and payload unchanged: a duplicate, as
	 * DingTalk sends when it missed the hub's answer.
	 * @throws IllegalArgumentException if this sender never sent {@code eventId}
	 */
	public Result resend(String eventId) {
		String payload = this.payloads.get(eventId);
		if (payload == null) {
			throw new IllegalArgumentException("No event " + eventId + " was sent by this sender");
		}
		return deliver(eventId, payload);
	}

	/**
	 * Sends a new event spoiled as {@code tamper} says, once (no retries); the hub must
	 * refuse it. {@link #resend} later delivers the same event unspoiled.
	 */
	public Result sendWith(Tamper tamper, String eventType, Map<String, Object> fields) {
		Objects.requireNonNull(tamper, "tamper");
		String eventId = newId();
		long now = this.clock.millis();
		long eventTime = (tamper == Tamper.STALE) ? now - STALE_BY.toMillis() : now;
		String payload = payload(eventType, eventId, eventTime, fields);
		this.payloads.put(eventId, payload);
		Attempt attempt = post(payload, tamper, TIMEOUT);
		return record(new Result(eventId, 1, attempt.accepted(), attempt.status()));
	}

	/** Every delivery so far, oldest first. */
	public List<Result> sent() {
		return List.copyOf(this.sent);
	}

	private Result deliver(String eventId, String payload) {
		int maxAttempts = 1 + this.retries;
		Duration delay = this.retryDelay;
		Attempt last = post(payload, null, TIMEOUT);
		int attempts = 1;
		while (!last.accepted() && attempts < maxAttempts && pause(delay.multipliedBy(1L << (attempts - 1)))) {
			last = post(payload, null, TIMEOUT);
			attempts++;
		}
		return record(new Result(eventId, attempts, last.accepted(), last.status()));
	}

	private String payload(String eventType, String eventId, long eventTime, Map<String, Object> fields) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("EventType", Objects.requireNonNull(eventType, "eventType"));
		payload.put("EventTime", eventTime);
		payload.put("CorpId", this.corpId);
		payload.put("BizId", newId());
		payload.put("eventId", eventId);
		if (fields != null) {
			for (Map.Entry<String, Object> field : fields.entrySet()) {
				if (ENVELOPE.contains(field.getKey())) {
					throw new IllegalArgumentException("Field " + field.getKey() + " is part of the envelope");
				}
				payload.put(field.getKey(), field.getValue());
			}
		}
		try {
			return JSON.writeValueAsString(payload);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Event fields cannot be written as JSON", ex);
		}
	}

	// tamper is null for an honest delivery.
	private Attempt post(String payload, Tamper tamper, Duration timeout) {
		try {
			HttpResponse<String> response = this.http.send(this.wire.request(payload, tamper, timeout),
					HttpResponse.BodyHandlers.ofString());
			return new Attempt(response.statusCode(),
					response.statusCode() == 200 && this.wire.isSuccess(response.body()));
		}
		catch (IOException ex) {
			return new Attempt(0, false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Attempt(0, false);
		}
	}

	private Result record(Result result) {
		this.sent.add(result);
		return result;
	}

	private static boolean pause(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String newId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * One delivery: its event, how many POSTs it took, and the last HTTP status (0 = no
	 * answer).
	 */
	public record Result(String eventId, int attempts, boolean accepted, int lastStatus) {
	}

	/** How {@link #sendWith} spoils a delivery. */
	public enum Tamper {

		/** Signed with another token. */
		FORGED_SIGNATURE,
		/** Encrypted for another app or corp: the trailing owner key differs. */
		WRONG_OWNER_KEY,
		/**
		 * The ciphertext is altered so its padding decrypts malformed; correctly signed.
		 */
		BAD_PADDING,
		/**
		 * {@code EventTime} and {@code timestamp} 2 hours before the clock; otherwise
		 * valid.
		 */
		STALE

	}

	private record Attempt(int status, boolean accepted) {
	}

}
