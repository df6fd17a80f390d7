package io.jingling.connectors.wechat.sim;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * WeCom on a local port, faithful enough that WxJava cannot tell: access tokens with
 * their lifetime, customer-group message tasks as state (unsent until an owner confirms
 * them, per group receive quotas, reminders and cancels), one 微信客服 account (links, a
 * message log paged by sync_msg with short-lived tokens, reply windows), and temporary
 * media. It also plays WeCom calling the hub: each customer action returns the signed,
 * encrypted {@link Callback} WeCom would send. Every request is recorded; failure
 * switches make the next calls on a path answer an errcode.
 */
public final class WeComSimulator implements AutoCloseable {

	/** Access token, GET with corpid and corpsecret. */
	public static final String GET_TOKEN = "/cgi-bin/gettoken";

	/** Create a customer-group (or customer) message task. */
	public static final String ADD_MSG_TEMPLATE = "/cgi-bin/externalcontact/add_msg_template";

	/** Each owner's status of a task. */
	public static final String GROUPMSG_TASK = "/cgi-bin/externalcontact/get_groupmsg_task";

	public static final String GROUPMSG_LIST_V2 = "/cgi-bin/externalcontact/get_groupmsg_list_v2";

	/** Per-target results of an owner's part of a task. */
	public static final String GROUPMSG_SEND_RESULT = "/cgi-bin/externalcontact/get_groupmsg_send_result";

	/** Remind the owner to confirm a task. */
	public static final String REMIND = "/cgi-bin/externalcontact/remind_groupmsg_send";

	/** Stop the unsent part of a task. */
	public static final String CANCEL = "/cgi-bin/externalcontact/cancel_groupmsg_send";

	/** A link to the 微信客服 account. */
	public static final String KF_ADD_CONTACT_WAY = "/cgi-bin/kf/add_contact_way";

	/** Read 微信客服 messages. */
	public static final String KF_SYNC_MSG = "/cgi-bin/kf/sync_msg";

	/** Reply through 微信客服. */
	public static final String KF_SEND_MSG = "/cgi-bin/kf/send_msg";

	/** Upload temporary media (multipart, {@code ?type=image}). */
	public static final String MEDIA_UPLOAD = "/cgi-bin/media/upload";

	/** Download temporary media, GET with media_id. */
	public static final String MEDIA_GET = "/cgi-bin/media/get";

	private final WireMockServer server;

	private final String kfId;

	private final SimulatedTokens tokens;

	private final SimulatedGroupTasks tasks;

	private final SimulatedKf kf;

	private final SimulatedMedia media;

	private final SimulatedCallbacks callbacks;

	private final FailureSwitches failures;

	private WeComSimulator(WireMockServer server, String kfId, SimulatedTokens tokens, SimulatedGroupTasks tasks,
			SimulatedKf kf, SimulatedMedia media, SimulatedCallbacks callbacks, FailureSwitches failures) {
		this.server = server;
		this.kfId = kfId;
		this.tokens = tokens;
		this.tasks = tasks;
		this.kf = kf;
		this.media = media;
		this.callbacks = callbacks;
		this.failures = failures;
	}

	/**
	 * Starts a simulator for one corp and app on a free port of 127.0.0.1. {@code token}
	 * and {@code aesKey} sign and encrypt the callbacks; {@code kfId} is the one 微信客服
	 * account; {@code clock} judges every lifetime, window and quota period, so tests
	 * pass a clock they can advance.
	 */
	public static WeComSimulator start(String corpId, String secret, String token, String aesKey, String kfId,
			Clock clock) {
		SimulatedTokens tokens = new SimulatedTokens(corpId, secret, clock);
		SimulatedMedia media = new SimulatedMedia(clock);
		SimulatedGroupTasks tasks = new SimulatedGroupTasks(clock, media);
		SimulatedKf kf = new SimulatedKf(kfId, clock, media);
		FailureSwitches failures = new FailureSwitches();
		SimulatorTransformer transformer = new SimulatorTransformer(tokens, tasks, kf, media, failures);
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().extensions(transformer));
		server.start();
		for (String path : List.of(GET_TOKEN, ADD_MSG_TEMPLATE, GROUPMSG_TASK, GROUPMSG_LIST_V2, GROUPMSG_SEND_RESULT,
				REMIND, CANCEL, KF_ADD_CONTACT_WAY, KF_SYNC_MSG, KF_SEND_MSG, MEDIA_UPLOAD, MEDIA_GET)) {
			server.stubFor(WireMock.any(WireMock.urlPathEqualTo(path))
				.willReturn(WireMock.aResponse().withTransformers(SimulatorTransformer.NAME)));
		}
		return new WeComSimulator(server, kfId, tokens, tasks, kf, media,
				new SimulatedCallbacks(corpId, token, aesKey, clock), failures);
	}

	/** Base URL to give the client as {@code jingling.wecom.api-url}. */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.port());
	}

	/**
	 * Requests received on {@code path} (without query), oldest first, refused ones
	 * included.
	 */
	public List<Recorded> recorded(String path) {
		return journal(this.server, path);
	}

	// The requests a simulator's server received on path, oldest first.
	static List<Recorded> journal(WireMockServer server, String path) {
		List<Recorded> recorded = new ArrayList<>();
		for (ServeEvent event : server.getAllServeEvents()) {
			LoggedRequest request = event.getRequest();
			if (pathOf(request.getUrl()).equals(path)) {
				recorded.add(toRecorded(request));
			}
		}
		Collections.reverse(recorded); // WireMock lists newest first
		return recorded;
	}

	/**
	 * Forgets recorded requests and pending failures only: tokens, tasks, quotas and 微信客服
	 * state live on, as on the platform.
	 */
	public void clearJournal() {
		this.server.resetRequests();
		this.failures.clear();
	}

	/**
	 * Makes the next {@code times} calls on {@code path} answer
	 * {@code {"errcode":errcode,"errmsg":...}}, for example -1 (busy), 42001 (token
	 * expired), 45009 (throttled), 60020 (IP not trusted) or 48002 (no permission).
	 */
	public void failNext(String path, int errcode, int times) {
		this.failures.add(path, errcode, times);
	}

	/**
	 * Ends every access token issued so far, as if its lifetime had run out: calls with
	 * one answer 42001.
	 */
	public void expireTokens() {
		this.tokens.expireAll();
	}

	/**
	 * How many mass messages each group may receive per period, counted at confirmation.
	 */
	public void setQuotaPolicy(QuotaPolicy policy) {
		this.tasks.setPolicy(policy);
	}

	/**
	 * The owner confirms the task in WeCom: every group gets status 1 (sent), or 3 when
	 * its quota for the period is spent, or 2 when it was in the task's fail_list.
	 * @throws IllegalArgumentException when the task does not exist or is not this
	 * owner's
	 * @throws IllegalStateException when it was already confirmed or cancelled
	 */
	public void confirmTask(String msgId, String owner) {
		this.tasks.confirm(msgId, owner);
	}

	/** The msgids of the tasks created with {@code owner} as sender, oldest first. */
	public List<String> tasksOf(String owner) {
		return this.tasks.tasksOf(owner);
	}

	/** The customer writes text to the 微信客服 account. */
	public Callback customerWritesText(String externalUserId, String text) {
		ObjectNode content = Answer.mapper().createObjectNode().put("content", text);
		return this.callbacks.kfMsgOrEvent(this.kf.customerWrites(externalUserId, "text", content), this.kfId);
	}

	/**
	 * The customer sends a photo; its media_id serves the bytes on {@link #MEDIA_GET}.
	 */
	public Callback customerSendsImage(String externalUserId, byte[] jpeg) {
		String mediaId = this.media.store("image", "tip.jpg", jpeg);
		ObjectNode content = Answer.mapper().createObjectNode().put("media_id", mediaId);
		return this.callbacks.kfMsgOrEvent(this.kf.customerWrites(externalUserId, "image", content), this.kfId);
	}

	/** The customer shares a location. */
	public Callback customerSendsLocation(String externalUserId, double lat, double lng, String name, String address) {
		ObjectNode content = Answer.mapper()
			.createObjectNode()
			.put("latitude", lat)
			.put("longitude", lng)
			.put("name", name)
			.put("address", address);
		return this.callbacks.kfMsgOrEvent(this.kf.customerWrites(externalUserId, "location", content), this.kfId);
	}

	/**
	 * The customer opens a 微信客服 link made with {@code scene} and {@code &scene_param=}:
	 * an origin-4 {@code enter_session} event. It opens no reply window.
	 */
	public Callback customerEntersSession(String externalUserId, String scene, String sceneParam) {
		ObjectNode event = Answer.mapper()
			.createObjectNode()
			.put("event_type", "enter_session")
			.put("open_kfid", this.kfId)
			.put("external_userid", externalUserId)
			.put("scene", scene)
			.put("scene_param", sceneParam)
			.put("welcome_code", "sim-welcome-" + System.nanoTime());
		return this.callbacks.kfMsgOrEvent(this.kf.event(event), this.kfId);
	}

	/**
	 * A customer group changed ({@code create}, {@code update} with {@code updateDetail}
	 * such as {@code add_member}, {@code dismiss}); {@code updateDetail} may be null.
	 */
	public Callback changeExternalChat(String chatId, String changeType, String updateDetail) {
		return this.callbacks.changeExternalChat(chatId, changeType, updateDetail, 0);
	}

	/**
	 * Members joined ({@code add_member}) or left ({@code del_member}) a customer group:
	 * the callback carries how many in {@code MemChangeCnt}, and no names.
	 */
	public Callback membersChanged(String chatId, String updateDetail, int count) {
		return this.callbacks.changeExternalChat(chatId, "update", updateDetail, count);
	}

	/**
	 * WeCom's GET check of the callback URL: the query carries {@code echoPlain}
	 * encrypted as {@code echostr}; the hub must answer {@code echoPlain}. The body is
	 * null.
	 */
	public Callback urlCheck(String echoPlain) {
		return this.callbacks.urlCheck(echoPlain);
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

	/**
	 * What WeCom sends to the hub's callback URL: the query parameters (decoded values;
	 * URL-encode them, {@code echostr} in particular, when building a URL) and the POST
	 * body, null for the GET URL check.
	 */
	public record Callback(Map<String, String> query, String body) {

		public Callback {
			query = Map.copyOf(query);
		}

	}

	/**
	 * How many mass messages a customer group may receive per period. WeCom's current
	 * rule is as many per month as the month has days; admins can switch to 7 per week or
	 * 1 per day. Periods follow the China calendar.
	 */
	public enum QuotaPolicy {

		/** As many per calendar month as the month has days (WeCom's default). */
		DAYS_IN_MONTH,
		/** 7 per ISO week. */
		SEVEN_PER_WEEK,
		/** 1 per day. */
		ONE_PER_DAY;

		int limit(LocalDate day) {
			return switch (this) {
				case DAYS_IN_MONTH -> day.lengthOfMonth();
				case SEVEN_PER_WEEK -> 7;
				case ONE_PER_DAY -> 1;
			};
		}

		String period(LocalDate day) {
			return switch (this) {
				case DAYS_IN_MONTH -> day.getYear() + "-M" + day.getMonthValue();
				case SEVEN_PER_WEEK ->
					day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
				case ONE_PER_DAY -> day.toString();
			};
		}

	}

}
