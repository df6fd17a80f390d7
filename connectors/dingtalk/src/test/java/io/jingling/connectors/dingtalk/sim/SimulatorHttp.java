package io.jingling.connectors.dingtalk.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

// Plain HTTP calls to a running simulator, for tests that check what it answers to requests no
// client would send.
final class SimulatorHttp {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final DingTalkSimulator sim;

	private final String appKey;

	private final String appSecret;

	SimulatorHttp(DingTalkSimulator sim, String appKey, String appSecret) {
		this.sim = sim;
		this.appKey = appKey;
		this.appSecret = appSecret;
	}

	String token() throws IOException, InterruptedException {
		return post(DingTalkSimulator.TOKEN, null,
				"{\"appKey\":\"" + this.appKey + "\",\"appSecret\":\"" + this.appSecret + "\"}")
			.json()
			.get("accessToken")
			.asText();
	}

	// A v1.0 POST with the token header, or none when token is null.
	Answered post(String pathAndQuery, String token, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.sim.baseUrl() + pathAndQuery))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		if (token != null) {
			request.header("x-acs-dingtalk-access-token", token);
		}
		return send(request.build());
	}

	Answered get(String pathAndQuery, String token) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.sim.baseUrl() + pathAndQuery))
			.header("x-acs-dingtalk-access-token", token)
			.GET()
			.build());
	}

	// An old-API POST: the token goes in the query, the body is JSON or a form.
	Answered oapi(String path, String token, String contentType, String body) throws IOException, InterruptedException {
		String query = (token != null) ? "?access_token=" + token : "";
		return send(HttpRequest.newBuilder(URI.create(this.sim.baseUrl() + path + query))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build());
	}

	private Answered send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Answered(response.statusCode(), JSON.readTree(response.body()));
	}

	record Answered(int status, JsonNode json) {

		String code() {
			return this.json.path("code").asText();
		}

		int errcode() {
			return this.json.path("errcode").asInt();
		}

	}

}
