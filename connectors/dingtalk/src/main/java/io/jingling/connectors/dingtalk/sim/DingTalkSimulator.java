package io.jingling.connectors.dingtalk.sim;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * DingTalk on a local port, faithful enough that the real SDK cannot tell: tokens with
 * their lifetime, the app robot's group and one-to-one sends and its DING with DingTalk's
 * validation and error bodies, read status and recall, internal group members, work
 * notifications on the old API, and the session webhook; check-ins, attendance punches,
 * logs and approvals, with state tests and scenarios set through hooks. Serves the api
 * and oapi hosts on one port; every request is recorded. Simulated users read what
 * reaches them as a {@link ReadingProfile} says, judged by the simulator's clock. Failure
 * switches make the next calls on a path answer as DingTalk does when throttled, busy,
 * rejecting a token or rejecting a request.
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

	/** Who has read a robot group message. */
	public static final String QUERY_GROUP_READS = "/v1.0/robot/groupMessages/query";

	/** Who has read robot one-to-one messages (GET, parameters in the query). */
	public static final String QUERY_USER_READS = "/v1.0/robot/oToMessages/readStatus";

	/** Members of an internal group. */
	public static final String GROUP_MEMBERS = "/v1.0/im/innerGroups/members/query";

	/** Recall of robot group messages. */
	public static final String RECALL_GROUP = "/v1.0/robot/groupMessages/recall";

	/** Recall of robot one-to-one messages (lower-case {@code oto}, unlike the send). */
	public static final String RECALL_USERS = "/v1.0/robot/otoMessages/batchRecall";

	/** Work notification send, on the oapi host. */
	public static final String WORK_NOTICE_SEND = "/topapi/message/corpconversation/asyncsend_v2";

	/** Work notification send result, on the oapi host. */
	public static final String WORK_NOTICE_RESULT = "/topapi/message/corpconversation/getsendresult";

	/** Work notification recall, on the oapi host. */
	public static final String WORK_NOTICE_RECALL = "/topapi/message/corpconversation/recall";

	/** Check-in records of several users, on the oapi host. */
	public static final String CHECKINS = "/topapi/checkin/record/get";

	/** Attendance punches, on the oapi host. */
	public static final String ATTENDANCE = "/attendance/listRecord";

	/** Logs (日志) by creation time, on the oapi host. */
	public static final String REPORTS = "/topapi/report/list";

	/** Who read (type 0), commented or liked a log, on the oapi host. */
	public static final String REPORT_READERS = "/topapi/report/statistics/listbytype";

	/** Whom a log was sent to, on the oapi host. */
	public static final String REPORT_RECEIVERS = "/topapi/report/receiver/list";

	/**
	 * Approval instances: POST starts one, GET reads one ({@code processInstanceId} in
	 * the query). One path, so {@link #recorded(String)} lists both; tell them apart by
	 * {@link Recorded#method()}, and {@link #failNext} fails the next call of either.
	 */
	public static final String APPROVALS = "/v1.0/workflow/processInstances";

	/** Terminates a running approval instance. */
	public static final String APPROVAL_TERMINATE = "/v1.0/workflow/processInstances/terminate";

	/** The app's AgentId when {@code start} is not given one. */
	public static final long DEFAULT_AGENT_ID = 3300000001L;

	private final WireMockServer server;

	private final SimulatedTokens tokens;

	private final SimulatedRobot robot;

	private final SimulatedDing ding;

	private final FailureSwitches failures;

	private final MessageLedger ledger;

	private final SimulatedGroups groups;

	private final SimulatedWorkNotices notices;

	private final SimulatedOffice office;

	private DingTalkSimulator(WireMockServer server, SimulatedTokens tokens, SimulatedRobot robot, SimulatedDing ding,
			FailureSwitches failures, MessageLedger ledger, SimulatedGroups groups, SimulatedWorkNotices notices,
			SimulatedOffice office) {
		this.server = server;
		this.tokens = tokens;
		this.robot = robot;
		this.ding = ding;
		this.failures = failures;
		this.ledger = ledger;
		this.groups = groups;
		this.notices = notices;
		this.office = office;
	}

	/**
	 * Starts a simulator for one app, with agentId {@value #DEFAULT_AGENT_ID}, on a free
	 * port of 127.0.0.1. {@code clock} judges token lifetimes, rate limits and reading;
	 * tests pass a clock they can advance.
	 */
	public static DingTalkSimulator start(String appKey, String appSecret, String robotCode, Clock clock) {
		return start(appKey, appSecret, robotCode, DEFAULT_AGENT_ID, clock);
	}

	/**
	 * Starts a simulator for one app whose work notifications must name {@code agentId}.
	 */
	public static DingTalkSimulator start(String appKey, String appSecret, String robotCode, long agentId,
			Clock clock) {
		SimulatedTokens tokens = new SimulatedTokens(appKey, appSecret, clock);
		MessageLedger ledger = new MessageLedger(clock);
		SimulatedGroups groups = new SimulatedGroups();
		SimulatedRobot robot = new SimulatedRobot(robotCode, clock, groups, ledger);
		SimulatedDing ding = new SimulatedDing(robotCode);
		SimulatedWorkNotices notices = new SimulatedWorkNotices(agentId, ledger, clock);
		SimulatedOffice office = new SimulatedOffice(clock);
		FailureSwitches failures = new FailureSwitches();
		SimulatorTransformer transformer = new SimulatorTransformer(tokens, robot, ding, new SimulatedWebhook(), groups,
				new SimulatedReads(robotCode, ledger, clock), notices, office, failures);
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().extensions(transformer));
		server.start();
		for (String path : List.of(TOKEN, SEND_GROUP, SEND_USERS, DING, SESSION_REPLY, QUERY_GROUP_READS, GROUP_MEMBERS,
				RECALL_GROUP, RECALL_USERS, WORK_NOTICE_SEND, WORK_NOTICE_RESULT, WORK_NOTICE_RECALL, CHECKINS,
				ATTENDANCE, REPORTS, REPORT_READERS, REPORT_RECEIVERS, APPROVALS, APPROVAL_TERMINATE)) {
			server.stubFor(WireMock.post(WireMock.urlPathEqualTo(path))
				.willReturn(WireMock.aResponse().withTransformers(SimulatorTransformer.NAME)));
		}
		for (String path : List.of(QUERY_USER_READS, APPROVALS)) {
			server.stubFor(WireMock.get(WireMock.urlPathEqualTo(path))
				.willReturn(WireMock.aResponse().withTransformers(SimulatorTransformer.NAME)));
		}
		return new DingTalkSimulator(server, tokens, robot, ding, failures, ledger, groups, notices, office);
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
	 * Sets the members of an internal group, in the order {@link #GROUP_MEMBERS} lists
	 * them. A group message reaches the members its group has when it is sent. A group
	 * nobody set has no members.
	 */
	public void setGroupMembers(String openConversationId, List<String> userIds) {
		this.groups.setMembers(openConversationId, userIds);
	}

	/**
	 * How simulated users read what is sent from now on: group and one-to-one messages
	 * and work notifications. {@link ReadingProfile#never()} until set, and again after
	 * {@link #reset()}.
	 */
	public void setReadingProfile(ReadingProfile profile) {
		this.ledger.setProfile(profile);
	}

	/**
	 * Makes {@code userId} read a message now, unless the reading profile had them read
	 * it earlier. A recalled message can no longer be read.
	 * @param processQueryKeyOrTaskId a group or one-to-one message's processQueryKey, or
	 * a work notification's task id in decimal
	 * @throws IllegalArgumentException when the simulator sent no such message, or it did
	 * not reach {@code userId}
	 */
	public void markRead(String processQueryKeyOrTaskId, String userId) {
		this.ledger.markRead(processQueryKeyOrTaskId, userId);
	}

	/**
	 * Records a check-in (签到) that {@link #CHECKINS} lists; both its {@code place} and
	 * {@code detail_place} are {@code place}.
	 */
	public void addCheckin(String userId, Instant at, String place, double latitude, double longitude) {
		this.office.checkins().addCheckin(userId, at, place, latitude, longitude);
	}

	/**
	 * Records an attendance punch (考勤打卡) that {@link #ATTENDANCE} lists, with
	 * {@code checkType} {@code OnDuty} or {@code OffDuty} and {@code locationResult}
	 * {@code Normal}, {@code Outside} or {@code NotSigned}. The simulator has no shifts:
	 * every punch's {@code timeResult} is {@code Normal}.
	 */
	public void addAttendance(String userId, Instant at, String checkType, String locationResult, String address) {
		this.office.checkins().addAttendance(userId, at, checkType, locationResult, address);
	}

	/**
	 * Records a log (日志) created at {@code at} and sent to {@code receivers}, with its
	 * fields in the map's order; {@link #REPORTS} lists it and {@link #REPORT_RECEIVERS}
	 * its receivers. Nobody has read it yet.
	 * @return the log's report_id
	 */
	public String addReport(String templateName, String creatorId, String creatorName, Instant at,
			List<String> receivers, Map<String, String> contents) {
		return this.office.reports().add(templateName, creatorId, creatorName, at, receivers, contents);
	}

	/**
	 * Makes a receiver read a log now; {@link #REPORT_READERS} lists readers in the order
	 * they read, each once.
	 * @throws IllegalArgumentException when the simulator has no such log, or it was not
	 * sent to {@code userId}
	 */
	public void markReportRead(String reportId, String userId) {
		this.office.reports().markRead(reportId, userId);
	}

	/**
	 * Every approval started through {@link #APPROVALS}, oldest first, as they stand now.
	 */
	public List<SimulatedApproval> approvals() {
		return this.office.workflow().approvals();
	}

	/**
	 * Decides a running approval as {@code approverUserId} would in the app: it becomes
	 * {@code COMPLETED} with result {@code agree} or {@code refuse} and an
	 * {@code EXECUTE_TASK_NORMAL} operation record carrying the remark; then the listener
	 * set with {@link #onApprovalDecided} hears of it.
	 * @throws IllegalArgumentException when there is no such approval, or it names
	 * approvers and {@code approverUserId} is not one of them (without named approvers
	 * anybody may decide)
	 * @throws IllegalStateException when the approval is no longer running
	 */
	public void decideApproval(String instanceId, String approverUserId, boolean agree, String remark) {
		this.office.workflow().decide(instanceId, approverUserId, agree, remark);
	}

	/**
	 * Sets who hears of each {@link #decideApproval} (the decided approval and the
	 * remark), after the decision is recorded and outside the simulator's locks, so a
	 * scenario can push DingTalk's {@code bpms_task_change} and
	 * {@code bpms_instance_change} events. Replaces the previous listener; null removes
	 * it. {@link #reset()} keeps it. A terminate through the API does not call it.
	 */
	public void onApprovalDecided(BiConsumer<SimulatedApproval, String> listener) {
		this.office.workflow().onDecided(listener);
	}

	/**
	 * Forgets recorded requests and pending failures only: tokens, rate windows, the DING
	 * switches, sent messages, group members, the reading profile and the office state
	 * (check-ins, punches, logs, approvals) live on, as on the platform, so a hub that
	 * stays up between tests sees no artificial token expiry.
	 */
	public void clearJournal() {
		this.server.resetRequests();
		this.failures.clear();
	}

	/**
	 * Forgets recorded requests, pending failures, issued tokens, rate-limit counters,
	 * sent messages and their reads, work-notification day counters, group members,
	 * check-ins, attendance punches, logs and their readers, and approvals; restores the
	 * DING switches (available, unlimited quota, nobody failing) and the reading profile
	 * ({@link ReadingProfile#never()}). The agentId and the approval listener stay.
	 */
	public void reset() {
		this.server.resetRequests();
		this.failures.clear();
		this.tokens.expireAll();
		this.robot.reset();
		this.ding.reset();
		this.ledger.reset();
		this.groups.reset();
		this.notices.reset();
		this.office.reset();
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
		 * errcode 410100; oapi: errcode 90018.
		 */
		THROTTLED,
		/**
		 * v1.0: 400 {@code InvalidAuthentication}; webhook: errcode 300001; oapi: errcode
		 * 88, sub_code 40014.
		 */
		TOKEN_EXPIRED,
		/** v1.0: 500 {@code system.error}; webhook and oapi: errcode -1. */
		BUSY,
		/**
		 * v1.0: 400 {@code invalidParameter.msgParam.invalid}; webhook: errcode 460101;
		 * oapi: errcode 40035.
		 */
		BAD_REQUEST

	}

}
