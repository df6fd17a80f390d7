package io.jingling.connectors.wechat.sim;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static io.jingling.connectors.wechat.sim.SimulatorTransformer.query;

// Answers the Official Account's simulated paths from the simulator's state, as
// SimulatorTransformer does for WeCom: failure switches first, then tokens, then the call.
final class MpTransformer implements ResponseDefinitionTransformerV2 {

	static final String NAME = "wxmp-simulator";

	private final SimulatedMpTokens tokens;

	private final SimulatedMpKefu kefu;

	private final SimulatedMedia media;

	private final FailureSwitches failures;

	MpTransformer(SimulatedMpTokens tokens, SimulatedMpKefu kefu, SimulatedMedia media, FailureSwitches failures) {
		this.media = media;
		this.tokens = tokens;
		this.kefu = kefu;
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
		if (path.equals(MpSimulator.TOKEN)) {
			if (!RequestMethod.GET.equals(request.getMethod())) {
				return Answer.error(43001, "require GET method");
			}
			return this.tokens.issue(query(request, "grant_type"), query(request, "appid"), query(request, "secret"));
		}
		Optional<Answer> refusal = this.tokens.refusal(query(request, "access_token"));
		if (refusal.isPresent()) {
			return refusal.get();
		}
		if (path.equals(MpSimulator.MEDIA_GET)) {
			return this.media.get(query(request, "media_id"));
		}
		if (!RequestMethod.POST.equals(request.getMethod())) {
			return Answer.error(43002, "require POST method");
		}
		JsonNode body = SimulatorTransformer.jsonBody(request);
		if (body == null) {
			return Answer.error(47001, "data format error");
		}
		return this.kefu.send(body);
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
