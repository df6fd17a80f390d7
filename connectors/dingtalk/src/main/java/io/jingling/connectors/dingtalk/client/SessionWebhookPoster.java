package io.jingling.connectors.dingtalk.client;

import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.TransientConnectorException;

// Posts replies to a robot callback's session webhook. The SDK has no call for it: the webhook is a
// plain URL that needs no token, and answers HTTP 200 with a webhook-style errcode.
final class SessionWebhookPoster {

	private static final Logger log = LoggerFactory.getLogger(SessionWebhookPoster.class);

	private static final String OPERATION = "session reply";

	private final URI oapiUrl;

	private final ObjectMapper json;

	private final OapiHttp http;

	SessionWebhookPoster(URI oapiUrl, OapiHttp http, ObjectMapper json) {
		this.oapiUrl = oapiUrl;
		this.json = json;
		this.http = http;
	}

	void post(SessionReply reply) {
		URI target = rebase(reply.sessionWebhook(), this.oapiUrl);
		check(this.http.post(OPERATION, target, body(reply)));
		log.debug("dingtalk.reply sent host={} path={}", target.getHost(), target.getPath());
	}

	// Keeps the webhook's path and query and takes scheme, host and port from oapiUrl: a
	// signed
	// callback must never make the hub post to a host of the sender's choosing, and in
	// tests and the
	// embedded run the simulator stands in for oapi.dingtalk.com.
	static URI rebase(String sessionWebhook, URI oapiUrl) {
		URI webhook;
		try {
			webhook = URI.create(sessionWebhook);
		}
		catch (IllegalArgumentException ex) {
			throw new PermanentConnectorException(DingTalkErrors.PLATFORM, "invalid-webhook",
					"DingTalk session reply failed: the session webhook is not a URL.");
		}
		String path = (webhook.getRawPath() != null) ? webhook.getRawPath() : "";
		String query = (webhook.getRawQuery() != null) ? "?" + webhook.getRawQuery() : "";
		return URI.create(oapiUrl.getScheme() + "://" + oapiUrl.getRawAuthority() + path + query);
	}

	private String body(SessionReply reply) {
		ObjectNode body = this.json.createObjectNode();
		body.put("msgtype", "markdown");
		body.putObject("markdown").put("title", reply.content().title()).put("text", reply.content().markdown());
		if (!reply.atUserIds().isEmpty()) {
			ArrayNode atUserIds = body.putObject("at").putArray("atUserIds");
			reply.atUserIds().forEach(atUserIds::add);
		}
		return body.toString();
	}

	private static void check(OapiHttp.Answer answer) {
		int status = answer.status();
		String errcode = answer.errcode();
		if (status / 100 == 2 && "0".equals(errcode)) {
			return;
		}
		if (status / 100 == 2 && errcode == null) {
			// an IP block page or a proxy answers 200 without errcode: the reply may not
			// have arrived
			throw new TransientConnectorException(DingTalkErrors.PLATFORM, "no-errcode",
					"DingTalk session reply got an answer without errcode (HTTP " + status + ").");
		}
		String code = (errcode != null) ? errcode : String.valueOf(status);
		throw DingTalkErrors.exception(OPERATION, status, code, null);
	}

}
