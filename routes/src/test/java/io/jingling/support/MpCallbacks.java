package io.jingling.support;

import java.net.http.HttpResponse;
import java.util.Map;

import io.jingling.connectors.wechat.sim.MpSimulator;

/**
 * Posts what the Official Account simulator plays as the platform to the hub's callback.
 */
public final class MpCallbacks {

	private MpCallbacks() {
	}

	public static HttpResponse<String> post(Http http, MpSimulator.Callback callback) {
		return http.post("/callbacks/wxmp?" + WeComCallbacks.query(callback.query()), callback.body(),
				Map.of("Content-Type", "text/xml; charset=utf-8"));
	}

	public static HttpResponse<String> get(Http http, MpSimulator.Callback callback) {
		return http.get("/callbacks/wxmp?" + WeComCallbacks.query(callback.query()));
	}

}
