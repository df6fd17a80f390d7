package io.jingling.connectors.dingtalk.client;

import java.time.Duration;
import java.util.Set;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.TransientConnectorException;

// Classifies DingTalk answers. The v1.0 API answers an HTTP error status with a string code;
// webhooks and the old API (oapi) answer HTTP 200 with a numeric errcode, passed here as its
// decimal string.
// API throttling: https://open.dingtalk.com/document/development/how-to-process-api-throttling-on-the-dingtalk-server
// Webhook robot errcodes: https://open.dingtalk.com/document/orgapp/custom-robots-send-group-messages
final class DingTalkErrors {

	static final String PLATFORM = "dingtalk";

	// The code of a call that got no answer at all.
	static final String UNREACHABLE = "io";

	// A robot that sends too fast is blocked for 10 minutes; retrying sooner only extends
	// the block.
	static final Duration ROBOT_BLOCK = Duration.ofMinutes(10);

	// QPS limits are per second; the platform's own advice is to sleep about a second.
	static final Duration QPS_BACKOFF = Duration.ofSeconds(1);

	// DING allows fewer than 6000 per minute per robot, so the window to wait out is a
	// minute.
	static final Duration DING_BACKOFF = Duration.ofMinutes(1);

	private static final String DING_THROTTLED = "toomuch.msg";

	// DING codes no retry cures: SMS and phone quota is bought, DING needs a paid
	// edition, and the receiver limit is per call. The hub falls back to SMS on the first
	// two. Forbidden.AccessDenied.AccessTokenPermissionDenied is the gateway's answer for
	// a token without the permission (Premium.Ding.Write); that a tenant without DING
	// gets exactly this code is unverified.
	private static final Set<String> DING_PERMANENT = Set.of("ding.serverquota.insufficient",
			"Forbidden.AccessDenied.AccessTokenPermissionDenied", "ding.receivercount.limit");

	private static final Set<String> ROBOT_THROTTLED = Set.of("410100", "130101", "660026");

	// The old API's QPS limits: 90018 per app and API, 90002 per API across tenants.
	private static final Set<String> OAPI_THROTTLED = Set.of("90018", "90002");

	// Read status asked too early (not ready yet) or too late (a one-to-one message's key
	// lives 24 h): DingTalk does not say which, so a retry may help.
	private static final String READS_NOT_AVAILABLE = "processQueryKey.expireTime";

	// Our code for a work notification call without a configured agentId.
	static final String AGENT_MISSING = "agentId.missing";

	private static final Set<String> WEBHOOK_PERMANENT = Set.of("310000", "300001", "300005", "400013", "400102",
			"400106", "430101", "430102", "430103", "430104", "460101", "43004");

	private DingTalkErrors() {
	}

	enum Kind {

		// A retry may help: busy, unreachable, server error.
		TRANSIENT,
		// A retry helps after backoff(code).
		THROTTLED,
		// No retry will help: bad request, bad configuration, robot gone.
		PERMANENT,
		// The access token was rejected: drop it, refresh once, retry once.
		AUTH

	}

	static Kind classify(int httpStatus, String code) {
		String c = (code != null) ? code : "";
		if (httpStatus == 401 || c.equals("InvalidAuthentication") || c.startsWith("AuthenticationFailed")) {
			return Kind.AUTH;
		}
		if (httpStatus == 429 || ROBOT_THROTTLED.contains(c) || OAPI_THROTTLED.contains(c) || c.equals(DING_THROTTLED)
				|| c.startsWith("Forbidden.AccessDenied.Qps")) {
			return Kind.THROTTLED;
		}
		if (c.startsWith("invalidParameter") || c.startsWith("invalid.") || c.equals("resource.unavailable")
				|| c.equals("bot.stopped") || WEBHOOK_PERMANENT.contains(c) || DING_PERMANENT.contains(c)) {
			return Kind.PERMANENT;
		}
		if (httpStatus >= 500 || c.equals("-1") || c.equals("system.error") || c.equals(READS_NOT_AVAILABLE)) {
			return Kind.TRANSIENT;
		}
		return Kind.PERMANENT;
	}

	static Duration backoff(String code) {
		if (ROBOT_THROTTLED.contains(code)) {
			return ROBOT_BLOCK;
		}
		return DING_THROTTLED.equals(code) ? DING_BACKOFF : QPS_BACKOFF;
	}

	// The exception for an answer. Kind.AUTH becomes transient: by the time a caller sees
	// it the
	// client has already refreshed once, and the next attempt starts with a fresh token.
	static ConnectorException exception(String operation, int httpStatus, String code, String requestId) {
		return exception(operation, httpStatus, code, null, requestId);
	}

	// The same for an old-API answer, whose errcode 88 says only "see sub_code": the
	// sub_code goes into the message, the errcode stays the code.
	static ConnectorException exception(String operation, int httpStatus, String code, String subCode,
			String requestId) {
		String message = "DingTalk " + operation + " failed with " + code + ((subCode != null) ? "/" + subCode : "")
				+ " (HTTP " + httpStatus + ((requestId != null) ? ", request " + requestId : "") + ").";
		return switch (classify(httpStatus, code)) {
			case THROTTLED -> new ThrottledConnectorException(PLATFORM, code, message, backoff(code));
			case PERMANENT -> new PermanentConnectorException(PLATFORM, code, message);
			case TRANSIENT -> new TransientConnectorException(PLATFORM, code, message);
			case AUTH -> new TokenRejectedException(code, message);
		};
	}

	// DingTalk refused to recall a message and named its reason.
	static PermanentConnectorException recallRefused(String operation, String reason) {
		return new PermanentConnectorException(PLATFORM, reason,
				"DingTalk " + operation + " was refused with " + reason + ".");
	}

	static PermanentConnectorException agentMissing(String operation) {
		return new PermanentConnectorException(PLATFORM, AGENT_MISSING,
				"DingTalk " + operation + " needs the app's agentId: set jingling.dingtalk.agent-id.");
	}

	// The platform never answered: connection refused, reset or timed out.
	static TransientConnectorException unreachable(String operation, Throwable cause) {
		return new TransientConnectorException(PLATFORM, UNREACHABLE,
				"DingTalk " + operation + " failed: no answer (" + cause.getClass().getSimpleName() + ").", cause);
	}

}
