package io.jingling.connectors.dingtalk.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

// Posts JSON to the old API host (oapi) over java.net.http: the old SDK is not on the classpath,
// and the session webhook is no SDK call at all. The oapi host answers HTTP 200 with an errcode
// in the body; what an errcode means is the caller's business.
final class OapiHttp {

	private final Duration timeout;

	private final ObjectMapper json;

	private final HttpClient http;

	OapiHttp(Duration timeout, ObjectMapper json) {
		this.timeout = timeout;
		this.json = json;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	// The target may carry a token or a session in its query: it never reaches a log
	// line or an exception message here.
	Answer post(String operation, URI target, String body) {
		HttpRequest request = HttpRequest.newBuilder(target)
			.timeout(this.timeout)
			.header("Content-Type", "application/json;charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode(), parse(response.body()));
		}
		catch (IOException ex) {
			throw DingTalkErrors.unreachable(operation, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw DingTalkErrors.unreachable(operation, ex);
		}
	}

	private JsonNode parse(String body) {
		try {
			JsonNode parsed = this.json.readTree(body);
			return (parsed != null && parsed.isObject()) ? parsed : null;
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

	// An answer: HTTP status and the JSON object it carried, or null when it carried none
	// (an IP block page, a proxy's error page).
	record Answer(int status, JsonNode body) {

		// The errcode as text ("0" also when DingTalk sent the string "0"), or null.
		String errcode() {
			JsonNode errcode = (this.body != null) ? this.body.get("errcode") : null;
			return (errcode != null && !errcode.isNull()) ? errcode.asText() : null;
		}

		String text(String field) {
			JsonNode value = (this.body != null) ? this.body.get(field) : null;
			return (value != null && !value.isNull()) ? value.asText() : null;
		}

	}

}
