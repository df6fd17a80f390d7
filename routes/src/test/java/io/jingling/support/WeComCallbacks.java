package io.jingling.support;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import io.jingling.connectors.wechat.sim.WeComSimulator.Callback;

/** Posts what the WeCom simulator plays as the platform to the hub's callback. */
public final class WeComCallbacks {

	private WeComCallbacks() {
	}

	public static HttpResponse<String> post(Http http, Callback callback) {
		return http.post("/callbacks/wecom?" + query(callback.query()), callback.body(),
				Map.of("Content-Type", "text/xml; charset=utf-8"));
	}

	public static HttpResponse<String> get(Http http, Callback callback) {
		return http.get("/callbacks/wecom?" + query(callback.query()));
	}

	public static String query(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
