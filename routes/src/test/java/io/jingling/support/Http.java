package io.jingling.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A plain HTTP client for posting to the hub as a platform would. */
public final class Http {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final int port;

	public Http(int port) {
		this.port = port;
	}

	public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return send(request.build());
	}

	public HttpResponse<String> get(String path) {
		return get(path, Map.of());
	}

	public HttpResponse<String> get(String path, Map<String, String> headers) {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		headers.forEach(request::header);
		return send(request.build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
