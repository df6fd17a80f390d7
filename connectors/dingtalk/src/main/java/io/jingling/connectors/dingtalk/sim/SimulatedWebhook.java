package io.jingling.connectors.dingtalk.sim;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

// A robot callback's session webhook: no token, no signature; HTTP 200 always, with the outcome in
// errcode like the webhook robot.
final class SimulatedWebhook {

	private static final Set<String> MSG_TYPES = Set.of("text", "markdown", "actionCard", "link", "feedCard");

	Answer reply(String session, String contentType, String body) {
		if (session == null || session.isBlank()) {
			return Answer.webhook(300001, "session is not exist");
		}
		if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
			return Answer.webhook(43004, "invalid HTTP header Content-Type");
		}
		JsonNode message = parse(body);
		String msgType = (message != null) ? message.path("msgtype").asText("") : "";
		if (!MSG_TYPES.contains(msgType) || !message.path(msgType).isObject()) {
			return Answer.webhook(400105, "unsupported msgtype");
		}
		return Answer.webhook(0, "ok");
	}

	private static JsonNode parse(String body) {
		try {
			return Answer.json().readTree(body);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
