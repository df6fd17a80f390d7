package io.jingling.connectors.wechat.sim;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

// One 微信客服 account as state: what customers write is appended to a log that sync_msg pages
// through, each write issues a sync token valid for 10 minutes, and each customer's reply window
// (48 h after their last message, at most 5 replies) decides whether send_msg is allowed.
final class SimulatedKf {

	static final Duration SYNC_TOKEN_LIFETIME = Duration.ofMinutes(10);

	static final Duration REPLY_WINDOW = Duration.ofHours(48);

	static final int MAX_REPLIES = 5;

	// sync_msg only reads the last 3 days.
	static final Duration HISTORY = Duration.ofDays(3);

	// Unverified: WeCom's global code list names 95000 for an invalid open_kfid and 95007
	// for an
	// invalid msg token; which 95xxx code send_msg answers outside the 48 h / 5-reply
	// window is
	// not documented where we looked, and 95001 is our choice.
	static final int INVALID_KF_ID = 95000;

	static final int INVALID_SYNC_TOKEN = 95007;

	static final int REPLY_NOT_ALLOWED = 95001;

	private static final Pattern SCENE = Pattern.compile("[0-9a-zA-Z_-]{1,32}");

	private static final long FIRST_MSGID = 4622416642169452483L;

	private final String kfId;

	private final Clock clock;

	private final SimulatedMedia media;

	private final List<Entry> log = new ArrayList<>();

	private final Map<String, Instant> syncTokens = new HashMap<>();

	private final Map<String, ReplyWindow> windows = new HashMap<>();

	SimulatedKf(String kfId, Clock clock, SimulatedMedia media) {
		this.kfId = kfId;
		this.clock = clock;
		this.media = media;
	}

	// A customer's message: logged, opens a fresh reply window; returns the callback's
	// sync token.
	synchronized String customerWrites(String externalUserId, String msgType, JsonNode content) {
		Instant now = this.clock.instant();
		ObjectNode item = item(now, 3).put("external_userid", externalUserId).put("msgtype", msgType);
		item.set(msgType, content);
		this.log.add(new Entry(item, now));
		this.windows.put(externalUserId, new ReplyWindow(now));
		return issueSyncToken(now);
	}

	// A system event (origin 4): logged, the reply window is untouched.
	synchronized String event(JsonNode event) {
		Instant now = this.clock.instant();
		ObjectNode item = item(now, 4).put("msgtype", "event");
		item.set("event", event);
		this.log.add(new Entry(item, now));
		return issueSyncToken(now);
	}

	synchronized Answer link(JsonNode request) {
		if (!this.kfId.equals(request.path("open_kfid").asText(""))) {
			return Answer.error(INVALID_KF_ID, "invalid open_kfid");
		}
		String scene = request.path("scene").asText("");
		if (!scene.isEmpty() && !SCENE.matcher(scene).matches()) {
			return Answer.invalid("scene is at most 32 bytes of [0-9a-zA-Z_-]");
		}
		byte[] id = this.kfId.getBytes(StandardCharsets.UTF_8);
		String url = "https://work.weixin.qq.com/kf/kfc" + HexFormat.of().formatHex(id, 0, Math.min(8, id.length));
		if (!scene.isEmpty()) {
			url += "?enc_scene=ENC"
					+ Base64.getUrlEncoder().withoutPadding().encodeToString(scene.getBytes(StandardCharsets.UTF_8));
		}
		return Answer.json(Answer.ok().put("url", url));
	}

	synchronized Answer sync(JsonNode request) {
		if (!this.kfId.equals(request.path("open_kfid").asText(""))) {
			return Answer.error(INVALID_KF_ID, "invalid open_kfid");
		}
		Instant now = this.clock.instant();
		Instant issued = this.syncTokens.get(request.path("token").asText(""));
		if (issued == null || issued.plus(SYNC_TOKEN_LIFETIME).isBefore(now)) {
			return Answer.error(INVALID_SYNC_TOKEN, "invalid msg token");
		}
		Integer limit = Paging.limit(request, 1000, 1000);
		Integer from = Paging.position(request);
		if (limit == null || from == null || from > this.log.size()) {
			return Answer.invalid("limit or cursor");
		}
		int position = from;
		while (position < this.log.size() && this.log.get(position).sendTime().isBefore(now.minus(HISTORY))) {
			position++;
		}
		int to = Math.min(this.log.size(), position + limit);
		ObjectNode answer = Answer.ok()
			.put("next_cursor", Paging.cursor(to))
			.put("has_more", (to < this.log.size()) ? 1 : 0);
		ArrayNode messages = answer.putArray("msg_list");
		this.log.subList(position, to).forEach((entry) -> messages.add(entry.item()));
		return Answer.json(answer);
	}

	synchronized Answer send(JsonNode request) {
		if (!this.kfId.equals(request.path("open_kfid").asText(""))) {
			return Answer.error(INVALID_KF_ID, "invalid open_kfid");
		}
		String msgType = request.path("msgtype").asText("");
		if (msgType.equals("text") && request.path("text").path("content").asText("").isBlank()) {
			return Answer.error(44004, "empty content");
		}
		if (msgType.equals("image") && !this.media.exists(request.path("image").path("media_id").asText(""))) {
			return Answer.error(40007, "invalid media_id");
		}
		if (!msgType.equals("text") && !msgType.equals("image")) {
			return Answer.invalid("msgtype");
		}
		ReplyWindow window = this.windows.get(request.path("touser").asText(""));
		Instant now = this.clock.instant();
		if (window == null || window.opened.plus(REPLY_WINDOW).isBefore(now) || window.replies >= MAX_REPLIES) {
			return Answer.error(REPLY_NOT_ALLOWED, "send msg not allowed: customer has not written in the last 48 "
					+ "hours, or 5 replies were already sent since");
		}
		window.replies++;
		return Answer.json(Answer.ok().put("msgid", "sim-kf-" + UUID.randomUUID()));
	}

	private ObjectNode item(Instant now, int origin) {
		return Answer.mapper()
			.createObjectNode()
			.put("msgid", "from_msgid_" + (FIRST_MSGID + this.log.size()))
			.put("open_kfid", this.kfId)
			.put("send_time", now.getEpochSecond())
			.put("origin", origin);
	}

	private String issueSyncToken(Instant now) {
		String token = "ENC" + UUID.randomUUID().toString().replace("-", "");
		this.syncTokens.put(token, now);
		return token;
	}

	private record Entry(ObjectNode item, Instant sendTime) {
	}

	private static final class ReplyWindow {

		private final Instant opened;

		private int replies;

		ReplyWindow(Instant opened) {
			this.opened = opened;
		}

	}

}
