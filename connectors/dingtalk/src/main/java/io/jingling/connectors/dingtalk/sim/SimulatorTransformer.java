package io.jingling.connectors.dingtalk.sim;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

// Answers every simulated path from the simulator's state. WireMock matches and journals the
// request; this decides the answer, so failure switches, tokens and rate limits stay consistent.
final class SimulatorTransformer implements ResponseDefinitionTransformerV2 {

	static final String NAME = "dingtalk-simulator";

	private static final String TOKEN_HEADER = "x-acs-dingtalk-access-token";

	private final SimulatedTokens tokens;

	private final SimulatedRobot robot;

	private final SimulatedDing ding;

	private final SimulatedWebhook webhook;

	private final FailureSwitches failures;

	SimulatorTransformer(SimulatedTokens tokens, SimulatedRobot robot, SimulatedDing ding, SimulatedWebhook webhook,
			FailureSwitches failures) {
		this.tokens = tokens;
		this.robot = robot;
		this.ding = ding;
		this.webhook = webhook;
		this.failures = failures;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		LoggedRequest request = serveEvent.getRequest();
		String path = DingTalkSimulator.pathOf(request.getUrl());
		boolean isWebhook = path.equals(DingTalkSimulator.SESSION_REPLY);
		Answer answer = this.failures.next(path)
			.map((failure) -> FailureSwitches.answer(failure, isWebhook))
			.orElseGet(() -> serve(path, request));
		return new ResponseDefinitionBuilder().withStatus(answer.status())
			.withHeader("Content-Type", "application/json;charset=utf-8")
			.withBody(answer.body())
			.build();
	}

	private Answer serve(String path, LoggedRequest request) {
		return switch (path) {
			case DingTalkSimulator.TOKEN -> this.tokens.issue(json(request));
			case DingTalkSimulator.SEND_GROUP,
					DingTalkSimulator.SEND_USERS ->
				this.tokens.refusal(request.getHeader(TOKEN_HEADER))
					.orElseGet(() -> path.equals(DingTalkSimulator.SEND_GROUP) ? this.robot.sendToGroup(json(request))
							: this.robot.sendToUsers(json(request)));
			case DingTalkSimulator.DING ->
				this.tokens.refusal(request.getHeader(TOKEN_HEADER)).orElseGet(() -> this.ding.send(json(request)));
			case DingTalkSimulator.SESSION_REPLY ->
				this.webhook.reply(session(request), request.getHeader("Content-Type"), request.getBodyAsString());
			default -> Answer.error(404, "NotFound", "no such API");
		};
	}

	private static String session(LoggedRequest request) {
		QueryParameter session = request.getQueryParams().get("session");
		return (session != null && session.isPresent()) ? session.firstValue() : null;
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
