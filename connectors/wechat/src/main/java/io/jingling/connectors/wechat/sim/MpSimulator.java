package io.jingling.connectors.wechat.sim;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * One Official Account (公众号) on a local port, faithful enough that WxJava cannot tell:
 * access tokens (a new one per fetch, the previous one good for 5 more minutes, each for
 * 7200 s) and customer-service (kefu) text replies within each follower's window (48 h
 * after their last message, at most 5 replies). It also plays the platform calling the
 * hub: each follower action returns the signed {@link Callback} the platform would post,
 * encrypted when the account has an EncodingAESKey (safe mode). Every request is
 * recorded; failure switches make the next calls on a path answer an errcode.
 */
public final class MpSimulator implements AutoCloseable {

	/** Access token, GET with grant_type=client_credential, appid and secret. */
	public static final String TOKEN = "/cgi-bin/token";

	/** Send a customer-service message. */
	public static final String KEFU_SEND = "/cgi-bin/message/custom/send";

	/** Download temporary media a follower sent, GET with media_id (kept 3 days). */
	public static final String MEDIA_GET = "/cgi-bin/media/get";

	private final WireMockServer server;

	private final SimulatedMpKefu kefu;

	private final SimulatedMpCallbacks callbacks;

	private final FailureSwitches failures;

	private final SimulatedMedia media;

	private MpSimulator(WireMockServer server, SimulatedMpKefu kefu, SimulatedMpCallbacks callbacks,
			SimulatedMedia media, FailureSwitches failures) {
		this.media = media;
		this.server = server;
		this.kefu = kefu;
		this.callbacks = callbacks;
		this.failures = failures;
	}

	/**
	 * Starts a simulator for one Official Account on a free port of 127.0.0.1.
	 * {@code token} signs the callbacks; a non-blank {@code aesKey} encrypts them (safe
	 * mode), a blank one leaves them plain; {@code clock} judges every lifetime and
	 * window, so tests pass a clock they can advance.
	 */
	public static MpSimulator start(String appId, String secret, String token, String aesKey, Clock clock) {
		SimulatedMpKefu kefu = new SimulatedMpKefu(clock);
		FailureSwitches failures = new FailureSwitches();
		SimulatedMpCallbacks callbacks = new SimulatedMpCallbacks(appId, token, aesKey, clock);
		SimulatedMedia media = new SimulatedMedia(clock);
		MpTransformer transformer = new MpTransformer(new SimulatedMpTokens(appId, secret, clock), kefu, media,
				failures);
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().extensions(transformer));
		server.start();
		for (String path : List.of(TOKEN, KEFU_SEND, MEDIA_GET)) {
			server.stubFor(WireMock.any(WireMock.urlPathEqualTo(path))
				.willReturn(WireMock.aResponse().withTransformers(MpTransformer.NAME)));
		}
		return new MpSimulator(server, kefu, callbacks, media, failures);
	}

	/** Base URL to give the client as {@code jingling.wxmp.api-url}. */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.port());
	}

	/**
	 * Requests received on {@code path} (without query), oldest first, refused ones
	 * included.
	 */
	public List<Recorded> recorded(String path) {
		return WeComSimulator.journal(this.server, path);
	}

	/**
	 * Forgets recorded requests and pending failures only: tokens and reply windows live
	 * on, as on the platform.
	 */
	public void clearJournal() {
		this.server.resetRequests();
		this.failures.clear();
	}

	/**
	 * Makes the next {@code times} calls on {@code path} answer
	 * {@code {"errcode":errcode,"errmsg":...}}, for example -1 (busy), 42001 (token
	 * expired), 45009 (daily quota) or 48001 (no permission).
	 */
	public void failNext(String path, int errcode, int times) {
		this.failures.add(path, errcode, times);
	}

	/**
	 * A follower writes text to the account: opens that follower's reply window (48 h, 5
	 * replies). Each message gets a new MsgId.
	 */
	public Callback followerWrites(String openId, String text) {
		this.kefu.followerWrote(openId);
		return this.callbacks.text(openId, text);
	}

	/** A follower shares a location, a message like any other for the reply window. */
	public Callback followerSendsLocation(String openId, double lat, double lng, String label) {
		this.kefu.followerWrote(openId);
		return this.callbacks.location(openId, lat, lng, label);
	}

	/**
	 * A follower sends a photo: the platform keeps it as temporary media for 3 days, and
	 * the callback carries its {@code MediaId}.
	 */
	public Callback followerSendsImage(String openId, byte[] image) {
		this.kefu.followerWrote(openId);
		return this.callbacks.image(openId, storeMedia("image", image));
	}

	/**
	 * Keeps temporary media as the platform does for 3 days, and returns its
	 * {@code media_id}.
	 */
	public String storeMedia(String type, byte[] content) {
		return this.media.store(type, type + ".bin", content);
	}

	/**
	 * The platform's GET check of the callback URL: signed with the token, the hub must
	 * answer {@code echo} as it came. The body is null.
	 */
	public Callback urlCheck(String echo) {
		return this.callbacks.urlCheck(echo);
	}

	@Override
	public void close() {
		this.server.stop();
	}

	/**
	 * What the platform sends to the hub's callback URL: the query parameters (decoded
	 * values; URL-encode them when building a URL) and the POST body, null for the GET
	 * URL check.
	 */
	public record Callback(Map<String, String> query, String body) {

		public Callback {
			query = Map.copyOf(query);
		}

	}

}
