package io.jingling.connectors.sms.sim;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

// A dysmsapi request built by hand and signed like the SDK signs it, so tests can send what the
// SDK never would: too many numbers, a reused nonce, a stale date, a body that lies about its hash.
final class SignedRequest {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final ObjectMapper JSON = new ObjectMapper();

	private final URI baseUrl;

	private final String action;

	private final Map<String, String> query = new LinkedHashMap<>();

	private final Map<String, String> form = new LinkedHashMap<>();

	private String accessKeyId = AliyunSmsSimulatorTest.ACCESS_KEY_ID;

	private String secret = AliyunSmsSimulatorTest.ACCESS_KEY_SECRET;

	private String version = "2017-05-25";

	private String nonce = UUID.randomUUID().toString().replace("-", "");

	private Instant date;

	private String method = "POST";

	private String claimedBodyHash;

	private Map<String, String> sentQuery;

	SignedRequest(URI baseUrl, String action, Instant date) {
		this.baseUrl = baseUrl;
		this.action = action;
		this.date = date;
	}

	SignedRequest query(String name, String value) {
		this.query.put(name, value);
		return this;
	}

	SignedRequest form(String name, String value) {
		this.form.put(name, value);
		return this;
	}

	SignedRequest key(String accessKeyId, String secret) {
		this.accessKeyId = accessKeyId;
		this.secret = secret;
		return this;
	}

	SignedRequest version(String version) {
		this.version = version;
		return this;
	}

	SignedRequest nonce(String nonce) {
		this.nonce = nonce;
		return this;
	}

	SignedRequest date(Instant date) {
		this.date = date;
		return this;
	}

	SignedRequest method(String method) {
		this.method = method;
		return this;
	}

	SignedRequest claimBodyHash(String hash) {
		this.claimedBodyHash = hash;
		return this;
	}

	// Sends this query instead of the signed one, as a tampering proxy would.
	SignedRequest sendQuery(Map<String, String> query) {
		this.sentQuery = query;
		return this;
	}

	Answered send() throws IOException, InterruptedException {
		String body = encode(this.form);
		String bodyHash = Acs3Signature.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
		TreeMap<String, String> headers = new TreeMap<>();
		headers.put("host", this.baseUrl.getHost() + ":" + this.baseUrl.getPort());
		headers.put("x-acs-action", this.action);
		headers.put("x-acs-version", this.version);
		headers.put("x-acs-date", this.date.toString());
		headers.put("x-acs-signature-nonce", this.nonce);
		headers.put("x-acs-content-sha256", (this.claimedBodyHash != null) ? this.claimedBodyHash : bodyHash);
		if (!this.form.isEmpty()) {
			headers.put("content-type", "application/x-www-form-urlencoded");
		}
		String canonical = Acs3Signature.canonicalRequest(this.method, "/", Acs3Signature.canonicalQuery(this.query),
				headers, (this.claimedBodyHash != null) ? this.claimedBodyHash : bodyHash);
		String authorization = "ACS3-HMAC-SHA256 Credential=" + this.accessKeyId + ",SignedHeaders="
				+ String.join(";", headers.keySet()) + ",Signature=" + Acs3Signature.signature(this.secret, canonical);
		String query = encode((this.sentQuery != null) ? this.sentQuery : this.query);
		HttpRequest.Builder request = HttpRequest
			.newBuilder(this.baseUrl.resolve("/" + (query.isEmpty() ? "" : "?" + query)))
			.method(this.method, HttpRequest.BodyPublishers.ofString(body))
			.header("Authorization", authorization);
		headers.forEach((name, value) -> {
			if (!name.equals("host")) {
				request.header(name, value);
			}
		});
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answered(response.statusCode(), JSON.readTree(response.body()));
	}

	// Form encoding, as the SDK sends it (space as +).
	private static String encode(Map<String, String> params) {
		return params.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	record Answered(int status, JsonNode body) {

		String code() {
			return this.body.path("Code").asText();
		}

		String message() {
			return this.body.path("Message").asText();
		}

	}

}
