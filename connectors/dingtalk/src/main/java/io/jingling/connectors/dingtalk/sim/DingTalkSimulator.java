package io.jingling.connectors.dingtalk.sim;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * DingTalk on a local port, faithful enough that the real SDK cannot tell: tokens with
 * their lifetime, the app robot's group and one-to-one sends and its DING with DingTalk's
 * validation and error bodies, and the session webhook. Serves the api and oapi hosts on
 * one port; every request is recorded. Failure switches make the next calls on a path
 * answer as DingTalk does when throttled, busy, rejecting a token or rejecting a request.
 */
public final class DingTalkSimulator implements AutoCloseable {

	/** Access token of an internal app. */
	public static final String TOKEN = "/v1.0/oauth2/accessToken";

	/** App robot message to a group. */
	public static final String SEND_GROUP = "/v1.0/robot/groupMessages/send";

	/** App robot one-to-one messages. */
	public static final String SEND_USERS = "/v1.0/robot/oToMessages/batchSend";

	/** App robot DING (钉一下): in the app, by SMS or by phone. */
	public static final String DING = "/v1.0/robot/ding/send";

	/** Session webhook of a robot callback, on the oapi host. */
	public static final String SESSION_REPLY = "/robot/sendBySession";

	private final WireMockServer server;

	private final SimulatedTokens tokens;

	private final SimulatedRobot robot;

	private final SimulatedDing ding;

	private final FailureSwitches failures;

	private DingTalkSimulator(WireMockServer server, SimulatedTokens tokens, SimulatedRobot robot, SimulatedDing ding,
			FailureSwitches failures) {
		this.server = server;
		this.tokens = tokens;
		this.robot = robot;
		this.ding = ding;
		this.failures = failures;
	}

	/**
	 * Starts a simulator for one app on a free port of 127.0.0.1. {@code clock} judges
	 * token lifetimes and rate limits; tests pass a clock they can advance.
	 */
	public static DingTalkSimulator start(String appKey, String appSecret, String robotCode, Clock clock) {
		SimulatedTokens tokens = new SimulatedTokens(appKey, appSecret, clock);
		SimulatedRobot robot = new SimulatedRobot(robotCode, clock);
		SimulatedDing ding = new SimulatedDing(robotCode);
		FailureSwitches failures = new FailureSwitches();
		SimulatorTransformer transformer = new SimulatorTransformer(tokens, robot, ding, new SimulatedWebhook(),
				failures);
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().extensions(transformer));
		server.start();
		for (String path : List.of(TOKEN, SEND_GROUP, SEND_USERS, DING, SESSION_REPLY)) {
			server.stubFor(WireMock.post(WireMock.urlPathEqualTo(path))
				.willReturn(WireMock.aResponse().withTransformers(SimulatorTransformer.NAME)));
		}
		return new DingTalkSimulator(server, tokens, robot, ding, failures);
	}

	/** Base URL for both the api and the oapi host. */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.port());
	}

	/**
	 * Requests received on {@code path} (without query), oldest first, refused ones
	 * included.
	 */
	public List<Recorded> recorded(String path) {
		List<Recorded> recorded = new ArrayList<>();
		for (ServeEvent event : this.server.getAllServeEvents()) {
			LoggedRequest request = event.getRequest();
			if (pathOf(request.getUrl()).equals(path)) {
				recorded.add(toRecorded(request));
			}
		}
		Collections.reverse(recorded); // WireMock lists newest first
		return recorded;
	}

	/** Makes the next {@code times} calls on {@code path} fail as DingTalk would. */
	public void failNext(String path, Failure failure, int times) {
		this.failures.add(path, failure, times);
	}

	/** Invalidates every token issued so far, as if their lifetime had run out. */
	public void expireTokens() {
		this.tokens.expireAll();
	}

	/**
	 * Limits SMS and phone DING to {@code remaining} more receivers: each receiver such a
	 * DING reaches consumes one, and a DING with more receivers than remain answers 400
	 * {@code ding.serverquota.insufficient} and consumes nothing. In-app DING is free.
	 * Unlimited until set, and again after {@link #reset()}.
	 */
	public void setDingQuota(int remaining) {
		this.ding.setQuota(remaining);
	}

	/**
	 * Whether the tenant has DING (a paid edition). When false every DING answers 403
	 * {@code Forbidden.AccessDenied.AccessTokenPermissionDenied}; the code the real
	 * platform gives a tenant without DING is unverified. True until set, and again after
	 * {@link #reset()}.
	 */
	public void setDingAvailable(boolean available) {
		this.ding.setAvailable(available);
	}

	/**
	 * Receivers every later DING reports in its {@code failedList}, by reason, when they
	 * are among its receivers; they consume no quota. Empty until set, and again after
	 * {@link #reset()}.
	 */
	public void setDingFailedList(Map<String, List<String>> userIdsByReason) {
		this.ding.setFailedList(userIdsByReason);
	}

	/**
	 * Forgets recorded requests and pending failures only: tokens, rate windows and the
	 * DING switches live on, as on the platform, so a hub that stays up between tests
	 * sees no artificial token expiry.
	 */
	public void clearJournal() {
		this.server.resetRequests();
		this.failures.clear();
	}

	/**
	 * Forgets recorded requests, pending failures, issued tokens and rate-limit counters,
	 * and restores the DING switches: available, unlimited quota, nobody failing.
	 */
	public void reset() {
		this.server.resetRequests();
		this.failures.clear();
		this.tokens.expireAll();
		this.robot.reset();
		this.ding.reset();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	static String pathOf(String url) {
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) : url;
	}

	private static Recorded toRecorded(LoggedRequest request) {
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (HttpHeader header : request.getHeaders().all()) {
			headers.put(header.key(), String.join(",", header.values()));
		}
		String url = request.getUrl();
		int query = url.indexOf('?');
		return new Recorded(request.getMethod().getName(), pathOf(url), (query >= 0) ? url.substring(query + 1) : null,
				Collections.unmodifiableMap(headers), request.getBodyAsString());
	}

	/** How the next calls on a path fail, answered as DingTalk answers. */
	public enum Failure {

		/**
		 * v1.0: 403 {@code Forbidden.AccessDenied.QpsLimitForAppkeyAndApi}; webhook:
		 * errcode 410100.
		 */
		THROTTLED,
		/** v1.0: 400 {@code InvalidAuthentication}; webhook: errcode 300001. */
		TOKEN_EXPIRED,
		/** v1.0: 500 {@code system.error}; webhook: errcode -1. */
		BUSY,
		/**
		 * v1.0: 400 {@code invalidParameter.msgParam.invalid}; webhook: errcode 460101.
		 */
		BAD_REQUEST

	}

}
