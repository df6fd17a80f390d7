package io.jingling.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like session with the console: logs in through the form at {@code /login}
 * (with its CSRF token), keeps the session cookie, and sends the CSRF token on writes.
 */
public final class ConsoleSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final int port;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	private ConsoleSession(int port) {
		this.port = port;
		this.client = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	/** A session without logging in. */
	public static ConsoleSession anonymous(int port) {
		return new ConsoleSession(port);
	}

	/**
	 * Logs in through the form; the answer's status and location say whether it worked.
	 */
	public static ConsoleSession login(int port, String username, String password) {
		ConsoleSession session = new ConsoleSession(port);
		HttpResponse<String> page = session.send(HttpRequest.newBuilder(session.uri("/login")).GET().build());
		Matcher token = CSRF.matcher(page.body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
				+ encode(token.group(1));
		HttpResponse<String> answer = session.send(HttpRequest.newBuilder(session.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("login refused for " + username);
		}
		// logging in renews the CSRF token: a page that renders it sets the new cookie
		session.get("/login");
		return session;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	/** A console page, asked for as a browser does. */
	public HttpResponse<String> page(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build());
	}

	/** A JSON POST with the session's CSRF token. */
	public HttpResponse<String> post(String path, String json) {
		return write("POST", path, json);
	}

	/** A JSON POST with the session's CSRF token and extra headers. */
	public HttpResponse<String> post(String path, String json, Map<String, String> headers) {
		var request = writing("POST", path, json);
		headers.forEach(request::header);
		return send(request.build());
	}

	/** A download, as bytes. */
	public HttpResponse<byte[]> download(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** A POST of raw bytes with the session's CSRF token. */
	public HttpResponse<String> upload(String path, byte[] body, String contentType) {
		var request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		csrf().ifPresent((token) -> request.header("X-XSRF-TOKEN", token));
		return send(request.build());
	}

	/** A JSON DELETE with the session's CSRF token. */
	public HttpResponse<String> delete(String path, String json) {
		return write("DELETE", path, json);
	}

	private HttpResponse<String> write(String method, String path, String json) {
		return send(writing(method, path, json).build());
	}

	private HttpRequest.Builder writing(String method, String path, String json) {
		var request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json));
		csrf().ifPresent((token) -> request.header("X-XSRF-TOKEN", token));
		return request;
	}

	private Optional<String> csrf() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest request) {
		return send(request, HttpResponse.BodyHandlers.ofString());
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return this.client.send(request, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
