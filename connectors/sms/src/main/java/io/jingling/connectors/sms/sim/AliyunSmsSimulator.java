package io.jingling.connectors.sms.sim;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Aliyun SMS (dysmsapi 2017-05-25) on a local port, faithful enough that the real SDK
 * cannot tell: it routes on {@code x-acs-action}, re-computes the ACS3-HMAC-SHA256
 * signature, refuses stale dates and reused nonces, validates SendSms, SendBatchSms and
 * QuerySendDetails as the platform does, keeps per-number daily limits and a balance,
 * remembers every accepted message, and pushes receipts and replies to the hub. Every
 * request is journaled. The clock it is given judges every time window.
 */
public final class AliyunSmsSimulator implements AutoCloseable {

	/** The SendSms action. */
	public static final String SEND_SMS = "SendSms";

	/** The SendBatchSms action. */
	public static final String SEND_BATCH_SMS = "SendBatchSms";

	/** The QuerySendDetails action. */
	public static final String QUERY_SEND_DETAILS = "QuerySendDetails";

	private static final int JOURNAL_LIMIT = 10_000;

	private final WireMockServer server;

	private final Clock clock;

	private final SignatureCheck signatures;

	private final FailureSwitches failures;

	private final SimulatedSends sends;

	private final SendLimits limits;

	private final MessageStore store;

	private final HubPusher pusher;

	private AliyunSmsSimulator(String accessKeyId, String accessKeySecret, Clock clock) {
		this.clock = clock;
		this.signatures = new SignatureCheck(accessKeyId, accessKeySecret, clock);
		this.failures = new FailureSwitches();
		this.limits = new SendLimits(clock);
		this.store = new MessageStore();
		this.sends = new SimulatedSends(clock, this.limits, this.store);
		this.pusher = new HubPusher(clock, this.store);
		SimulatorTransformer transformer = new SimulatorTransformer(this.signatures, this.failures, this.sends,
				new SimulatedQueries(clock, this.store));
		this.server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.dynamicPort()
			.notifier(new Slf4jNotifier(false))
			.maxRequestJournalEntries(JOURNAL_LIMIT)
			.extensions(transformer));
	}

	/**
	 * Starts a simulator that knows one AccessKey, on a free port of 127.0.0.1. No sign
	 * name or template is approved until {@link #approveSignName} and
	 * {@link #approveTemplate} say so.
	 */
	public static AliyunSmsSimulator start(String accessKeyId, String accessKeySecret, Clock clock) {
		AliyunSmsSimulator simulator = new AliyunSmsSimulator(accessKeyId, accessKeySecret, clock);
		simulator.server.start();
		simulator.server.stubFor(WireMock.any(WireMock.anyUrl())
			.willReturn(WireMock.aResponse().withTransformers(SimulatorTransformer.NAME)));
		return simulator;
	}

	/** The endpoint to give the client: {@code http://127.0.0.1:<port>}. */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.port());
	}

	/** Approves a sign name (签名), as the console does after review. */
	public void approveSignName(String signName) {
		this.sends.approveSignName(signName);
	}

	/** Approves a notice (短信通知) template with the names of its variables. */
	public void approveTemplate(String code, List<String> params) {
		this.sends.approveTemplate(code, params);
	}

	/**
	 * Messages one number may get per sign and template in a rolling 24 h; 50 (Aliyun's
	 * notice limit) until set, and again after {@link #reset()}.
	 */
	public void setDailyLimit(int limit) {
		this.limits.setDailyLimit(limit);
	}

	/**
	 * Messages the account can still pay for, one per number; a call needing more answers
	 * {@code isv.AMOUNT_NOT_ENOUGH} and spends nothing. Unlimited until set, and again
	 * after {@link #reset()}.
	 */
	public void setBalance(int messagesLeft) {
		this.limits.setBalance(messagesLeft);
	}

	/**
	 * Makes the next {@code times} signed calls answer {@code code}: {@code isv.*} and
	 * {@code isp.*} codes as business answers (HTTP 200), {@code Throttling.*} and other
	 * gateway codes as HTTP 400, {@code InternalError} 500, {@code ServiceUnavailable}
	 * 503.
	 */
	public void failNext(String code, int times) {
		this.failures.add(code, null, times);
	}

	/** Like {@link #failNext(String, int)} with the answer's {@code Message}. */
	public void failNext(String code, String message, int times) {
		this.failures.add(code, message, times);
	}

	/** Every message accepted since the last {@link #reset()}, oldest first. */
	public List<SimulatedSms> accepted() {
		return this.store.accepted();
	}

	/**
	 * Reports the message {@code bizId} to {@code phoneNumber} as delivered (status 3) or
	 * failed (status 2, {@code MK:0001}) now; its receipt is pending until a push is
	 * acknowledged.
	 * @throws IllegalArgumentException when no such message was accepted
	 */
	public void deliver(String bizId, String phoneNumber, boolean success) {
		this.store.deliver(bizId, SimulatedSends.normalise(phoneNumber), success, this.clock.instant());
	}

	/**
	 * POSTs every pending receipt to the hub's SmsReport URL as one JSON array, twice
	 * when {@code duplicate}. The receipts stop being pending once a post is answered
	 * HTTP 200 with a numeric {@code code} 0.
	 * @return the HTTP status of the last post, or 0 when nothing was pending and nothing
	 * was posted
	 */
	public int pushReceipts(URI reportUrl, boolean duplicate) {
		return this.pusher.pushReceipts(reportUrl, duplicate);
	}

	/** POSTs one reply, as an SmsUp JSON array, to the hub; returns the HTTP status. */
	public int pushReply(URI upUrl, String phone, String content) {
		return this.pusher.pushReply(upUrl, phone, content);
	}

	/** Requests whose {@code x-acs-action} is {@code action}, oldest first. */
	public List<Recorded> recorded(String action) {
		List<Recorded> recorded = new ArrayList<>();
		for (ServeEvent event : this.server.getAllServeEvents()) {
			if (action.equals(event.getRequest().getHeader("x-acs-action"))) {
				recorded.add(toRecorded(action, event));
			}
		}
		Collections.reverse(recorded); // WireMock lists newest first
		return recorded;
	}

	/**
	 * Forgets recorded requests and pending failures only: messages, limits, nonces and
	 * approvals live on, so a hub that stays up between tests sees a steady platform.
	 */
	public void clearJournal() {
		this.server.resetRequests();
		this.failures.clear();
	}

	/**
	 * Forgets recorded requests, pending failures, accepted messages and their receipts,
	 * limit counters and seen nonces, and restores the daily limit and an unlimited
	 * balance. Approved sign names and templates stay, like the account's setup.
	 */
	public void reset() {
		clearJournal();
		this.signatures.reset();
		this.limits.reset();
		this.store.reset();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private static Recorded toRecorded(String action, ServeEvent event) {
		LoggedRequest request = event.getRequest();
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (HttpHeader header : request.getHeaders().all()) {
			headers.put(header.key(), String.join(",", header.values()));
		}
		String answerCode = null;
		if (event.getResponse() != null) {
			answerCode = Answer.code(event.getResponse().getBodyAsString());
		}
		return new Recorded(action, Params.query(request), Params.form(request), Collections.unmodifiableMap(headers),
				(event.getResponse() != null) ? event.getResponse().getStatus() : 0, answerCode);
	}

}
