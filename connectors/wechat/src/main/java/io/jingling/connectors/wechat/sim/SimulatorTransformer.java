package io.jingling.connectors.wechat.sim;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

// Answers every simulated path from the simulator's state. WireMock matches and journals the
// request; this decides the answer, so failure switches, tokens, tasks and 微信客服 stay
// consistent.
final class SimulatorTransformer implements ResponseDefinitionTransformerV2 {

	static final String NAME = "wecom-simulator";

	// Unverified which code WeCom gives a request that is not a JSON POST; 47001 is its
	// "data format error".
	static final int NOT_JSON = 47001;

	private final SimulatedTokens tokens;

	private final SimulatedGroupTasks tasks;

	private final SimulatedKf kf;

	private final SimulatedMedia media;

	private final FailureSwitches failures;

	SimulatorTransformer(SimulatedTokens tokens, SimulatedGroupTasks tasks, SimulatedKf kf, SimulatedMedia media,
			FailureSwitches failures) {
		this.tokens = tokens;
		this.tasks = tasks;
		this.kf = kf;
		this.media = media;
		this.failures = failures;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		LoggedRequest request = serveEvent.getRequest();
		String path = WeComSimulator.pathOf(request.getUrl());
		Answer answer = this.failures.next(path).orElseGet(() -> serve(path, request));
		ResponseDefinitionBuilder response = new ResponseDefinitionBuilder().withStatus(200)
			.withHeader("Content-Type", answer.contentType())
			.withBody(answer.body());
		answer.headers().forEach(response::withHeader);
		return response.build();
	}

	private Answer serve(String path, Request request) {
		if (path.equals(WeComSimulator.GET_TOKEN)) {
			return this.tokens.issue(query(request, "corpid"), query(request, "corpsecret"));
		}
		Optional<Answer> refusal = this.tokens.refusal(query(request, "access_token"));
		if (refusal.isPresent()) {
			return refusal.get();
		}
		if (path.equals(WeComSimulator.MEDIA_GET)) {
			return this.media.get(query(request, "media_id"));
		}
		if (path.equals(WeComSimulator.MEDIA_UPLOAD)) {
			Request.Part part = request.isMultipart() ? request.getPart("media") : null;
			return this.media.upload(query(request, "type"), (part != null) ? part.getFileName() : null,
					(part != null) ? part.getBody().asBytes() : null);
		}
		JsonNode body = jsonBody(request);
		if (body == null) {
			return Answer.error(NOT_JSON, "data format error: a JSON POST is expected");
		}
		return switch (path) {
			case WeComSimulator.ADD_MSG_TEMPLATE -> this.tasks.add(body);
			case WeComSimulator.GROUPMSG_TASK -> this.tasks.taskList(body);
			case WeComSimulator.GROUPMSG_LIST_V2 -> this.tasks.createdList(body);
			case WeComSimulator.GROUPMSG_SEND_RESULT -> this.tasks.sendResults(body);
			case WeComSimulator.REMIND -> this.tasks.remind(body);
			case WeComSimulator.CANCEL -> this.tasks.cancel(body);
			case WeComSimulator.KF_ADD_CONTACT_WAY -> this.kf.link(body);
			case WeComSimulator.KF_SYNC_MSG -> this.kf.sync(body);
			case WeComSimulator.KF_SEND_MSG -> this.kf.send(body);
			default -> Answer.error(NOT_JSON, "no such API");
		};
	}

	static String query(Request request, String name) {
		QueryParameter parameter = request.queryParameter(name);
		return (parameter != null && parameter.isPresent()) ? parameter.firstValue() : null;
	}

	// The body of a JSON POST as an object, or null when the request is anything else.
	static JsonNode jsonBody(Request request) {
		String contentType = request.getHeader("Content-Type");
		if (!RequestMethod.POST.equals(request.getMethod()) || contentType == null
				|| !contentType.toLowerCase().startsWith("application/json")) {
			return null;
		}
		try {
			JsonNode body = Answer.mapper().readTree(request.getBodyAsString());
			return (body != null && body.isObject()) ? body : null;
		}
		catch (IOException ex) {
			return null;
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
