package io.jingling.connectors.sms.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

// Answers every request from the simulator's state, in the gateway's order: route on POST / and
// the x-acs-action and x-acs-version headers, check the signature, then any queued failure,
// then the action itself. WireMock only matches and journals.
final class SimulatorTransformer implements ResponseDefinitionTransformerV2 {

	static final String NAME = "aliyun-sms-simulator";

	static final String VERSION = "2017-05-25";

	private static final Set<String> ACTIONS = Set.of(AliyunSmsSimulator.SEND_SMS, AliyunSmsSimulator.SEND_BATCH_SMS,
			AliyunSmsSimulator.QUERY_SEND_DETAILS);

	private final SignatureCheck signatures;

	private final FailureSwitches failures;

	private final SimulatedSends sends;

	private final SimulatedQueries queries;

	SimulatorTransformer(SignatureCheck signatures, FailureSwitches failures, SimulatedSends sends,
			SimulatedQueries queries) {
		this.signatures = signatures;
		this.failures = failures;
		this.sends = sends;
		this.queries = queries;
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		Answer answer = answer(serveEvent.getRequest());
		return new ResponseDefinitionBuilder().withStatus(answer.status())
			.withHeader("Content-Type", "application/json;charset=utf-8")
			.withBody(answer.body())
			.build();
	}

	private Answer answer(LoggedRequest request) {
		String action = request.getHeader("x-acs-action");
		if (!"POST".equals(request.getMethod().getName()) || !"/".equals(Params.path(request.getUrl()))
				|| !ACTIONS.contains(action) || !VERSION.equals(request.getHeader("x-acs-version"))) {
			return Answer.error(404, "InvalidAction.NotFound",
					"Specified api is not found, please check your url and method.");
		}
		Map<String, String> query = Params.query(request);
		Optional<Answer> refusal = this.signatures.refusal(request, query);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		Optional<Answer> failure = this.failures.next();
		if (failure.isPresent()) {
			return failure.get();
		}
		Map<String, String> params = new LinkedHashMap<>(Params.form(request));
		params.putAll(query);
		return switch (action) {
			case AliyunSmsSimulator.SEND_SMS -> this.sends.sendSms(params);
			case AliyunSmsSimulator.SEND_BATCH_SMS -> this.sends.sendBatchSms(params);
			default -> this.queries.querySendDetails(params);
		};
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
