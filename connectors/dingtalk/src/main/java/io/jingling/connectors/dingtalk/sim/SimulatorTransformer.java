package io.jingling.connectors.dingtalk.sim;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.jingling.connectors.dingtalk.sim.FailureSwitches.Style;

// Answers every simulated path from the simulator's state. WireMock matches and journals the
// request; this decides the answer, so failure switches, tokens and rate limits stay consistent.
// v1.0 paths check the token header first, old-API (oapi) paths the access_token query parameter.
final class SimulatorTransformer implements ResponseDefinitionTransformerV2 {

	static final String NAME = "dingtalk-simulator";

	static final Set<String> OAPI_PATHS = oapiPaths();

	private static final String TOKEN_HEADER = "x-acs-dingtalk-access-token";

	private final SimulatedTokens tokens;

	private final SimulatedRobot robot;

	private final SimulatedDing ding;

	private final SimulatedWebhook webhook;

	private final SimulatedGroups groups;

	private final SimulatedReads reads;

	private final SimulatedWorkNotices notices;

	private final SimulatedOffice office;

	private final FailureSwitches failures;

	SimulatorTransformer(SimulatedTokens tokens, SimulatedRobot robot, SimulatedDing ding, SimulatedWebhook webhook,
			SimulatedGroups groups, SimulatedReads reads, SimulatedWorkNotices notices, SimulatedOffice office,
			FailureSwitches failures) {
		this.tokens = tokens;
		this.robot = robot;
		this.ding = ding;
		this.webhook = webhook;
		this.groups = groups;
		this.reads = reads;
		this.notices = notices;
		this.office = office;
		this.failures = failures;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		LoggedRequest request = serveEvent.getRequest();
		String path = DingTalkSimulator.pathOf(request.getUrl());
		Answer answer = this.failures.next(path)
			.map((failure) -> FailureSwitches.answer(failure, style(path)))
			.orElseGet(() -> serve(path, request));
		return new ResponseDefinitionBuilder().withStatus(answer.status())
			.withHeader("Content-Type", "application/json;charset=utf-8")
			.withBody(answer.body())
			.build();
	}

	private Answer serve(String path, LoggedRequest request) {
		if (path.equals(DingTalkSimulator.TOKEN)) {
			return this.tokens.issue(json(request));
		}
		if (path.equals(DingTalkSimulator.SESSION_REPLY)) {
			return this.webhook.reply(query(request, "session"), request.getHeader("Content-Type"),
					request.getBodyAsString());
		}
		if (OAPI_PATHS.contains(path)) {
			return this.tokens.oapiRefusal(query(request, "access_token")).orElseGet(() -> oapi(path, request));
		}
		return this.tokens.refusal(request.getHeader(TOKEN_HEADER)).orElseGet(() -> api(path, request));
	}

	private Answer api(String path, LoggedRequest request) {
		return switch (path) {
			case DingTalkSimulator.SEND_GROUP -> this.robot.sendToGroup(json(request));
			case DingTalkSimulator.SEND_USERS -> this.robot.sendToUsers(json(request));
			case DingTalkSimulator.DING -> this.ding.send(json(request));
			case DingTalkSimulator.QUERY_GROUP_READS -> this.reads.groupReads(json(request));
			case DingTalkSimulator.QUERY_USER_READS ->
				this.reads.userReads(query(request, "robotCode"), query(request, "processQueryKey"));
			case DingTalkSimulator.RECALL_GROUP -> this.reads.recallGroup(json(request));
			case DingTalkSimulator.RECALL_USERS -> this.reads.recallUsers(json(request));
			case DingTalkSimulator.GROUP_MEMBERS -> this.groups.query(json(request));
			case DingTalkSimulator.APPROVALS, DingTalkSimulator.APPROVAL_TERMINATE -> this.office.workflow(path,
					request.getMethod().getName(), json(request), query(request, "processInstanceId"));
			default -> Answer.error(404, "NotFound", "no such API");
		};
	}

	private Answer oapi(String path, LoggedRequest request) {
		JsonNode body = OapiBodies.parse(request.getHeader("Content-Type"), request.getBodyAsString());
		return switch (path) {
			case DingTalkSimulator.WORK_NOTICE_SEND -> this.notices.send(body);
			case DingTalkSimulator.WORK_NOTICE_RESULT -> this.notices.result(body);
			case DingTalkSimulator.WORK_NOTICE_RECALL -> this.notices.recall(body);
			default -> this.office.oapi(path, body);
		};
	}

	private static Set<String> oapiPaths() {
		Set<String> paths = new HashSet<>(SimulatedOffice.OAPI_PATHS);
		paths.addAll(Set.of(DingTalkSimulator.WORK_NOTICE_SEND, DingTalkSimulator.WORK_NOTICE_RESULT,
				DingTalkSimulator.WORK_NOTICE_RECALL));
		return Set.copyOf(paths);
	}

	private static Style style(String path) {
		if (path.equals(DingTalkSimulator.SESSION_REPLY)) {
			return Style.WEBHOOK;
		}
		return OAPI_PATHS.contains(path) ? Style.OAPI : Style.API;
	}

	private static String query(LoggedRequest request, String name) {
		QueryParameter parameter = request.getQueryParams().get(name);
		return (parameter != null && parameter.isPresent()) ? parameter.firstValue() : null;
	}

	private static JsonNode json(LoggedRequest request) {
		try {
			JsonNode body = Answer.json().readTree(request.getBodyAsString());
			return (body != null) ? body : MissingNode.getInstance();
		}
		catch (IOException ex) {
			return MissingNode.getInstance();
		}
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public String getName() {
		return NAME;
	}

}
