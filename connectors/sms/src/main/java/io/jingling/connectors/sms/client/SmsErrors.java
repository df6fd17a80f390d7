package io.jingling.connectors.sms.client;

import java.time.Duration;
import java.util.Set;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.TransientConnectorException;

/**
 * How Aliyun SMS answers map to the connector's failure kinds. Business codes come with
 * HTTP 200 in {@code Code}; signing, credential and QPS problems come as HTTP errors.
 * Messages carry the code and the RequestId, never a number or message text.
 *
 * @see <a href="https://help.aliyun.com/document_detail/101346.html">SMS error codes</a>
 */
public final class SmsErrors {

	/** The platform name every exception of this connector carries. */
	public static final String PLATFORM = "aliyun-sms";

	// A number over its frequency limit stays over it until the window rolls on; the
	// Message names the window (触发分钟级流控Permits:1). Without one, wait an hour.
	static final Duration MINUTE_LIMIT = Duration.ofMinutes(1);

	static final Duration HOUR_LIMIT = Duration.ofHours(1);

	static final Duration DAY_LIMIT = Duration.ofHours(24);

	// Above the account's QPS: the platform asks for about a second.
	static final Duration QPS_BACKOFF = Duration.ofSeconds(1);

	static final String BUSINESS_LIMIT = "isv.BUSINESS_LIMIT_CONTROL";

	// Money and account caps: no retry helps until an administrator acts.
	private static final Set<String> ADMIN = Set.of("isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE",
			"isv.DAY_LIMIT_CONTROL", "isv.MONTH_LIMIT_CONTROL");

	private static final Set<String> TRANSIENT = Set.of("isp.SYSTEM_ERROR");

	private SmsErrors() {
	}

	/**
	 * Whether the failure needs an administrator rather than a retry or a fix of the
	 * request: balance too low, account suspended for arrears, or the account's daily or
	 * monthly cap reached. Such failures are permanent; the hub should alert and pause
	 * SMS.
	 */
	public static boolean needsAdmin(ConnectorException failure) {
		return failure != null && PLATFORM.equals(failure.platform()) && ADMIN.contains(failure.code());
	}

	// A business answer (HTTP 200) whose Code is not OK. Codes not listed (the
	// bad-request,
	// template, sign, content and permission codes among them) are permanent: retrying an
	// SMS the platform refused risks nothing being fixed and a duplicate being sent.
	static ConnectorException business(String operation, String code, String message, String requestId) {
		String text = text(operation, code, 200, requestId);
		if (BUSINESS_LIMIT.equals(code)) {
			return new ThrottledConnectorException(PLATFORM, code, text, limitBackoff(message));
		}
		if (TRANSIENT.contains(code)) {
			return new TransientConnectorException(PLATFORM, code, text);
		}
		return new PermanentConnectorException(PLATFORM, code, text);
	}

	// An HTTP error answer (TeaException): QPS throttling, server errors, and 4xx for
	// signing, credentials and missing parameters.
	static ConnectorException http(String operation, int status, String code, String requestId) {
		String text = text(operation, code, status, requestId);
		if (code != null && code.startsWith("Throttling")) {
			return new ThrottledConnectorException(PLATFORM, code, text, QPS_BACKOFF);
		}
		if (status >= 500 || status < 400) {
			return new TransientConnectorException(PLATFORM, (code != null) ? code : "http-" + status, text);
		}
		return new PermanentConnectorException(PLATFORM, (code != null) ? code : "http-" + status, text);
	}

	// The platform never answered: connection refused, reset or timed out. The send may
	// still have gone out, so the hub checks receipts before it retries.
	static TransientConnectorException unreachable(String operation, Throwable cause) {
		return new TransientConnectorException(PLATFORM, "io",
				"Aliyun SMS " + operation + " failed: no answer (" + cause.getClass().getSimpleName() + ").", cause);
	}

	static Duration limitBackoff(String message) {
		String m = (message != null) ? message : "";
		if (m.contains("分钟级")) {
			return MINUTE_LIMIT;
		}
		if (m.contains("小时级")) {
			return HOUR_LIMIT;
		}
		return m.contains("天级") ? DAY_LIMIT : HOUR_LIMIT;
	}

	private static String text(String operation, String code, int status, String requestId) {
		return "Aliyun SMS " + operation + " failed with " + code + " (HTTP " + status
				+ ((requestId != null) ? ", request " + requestId : "") + ").";
	}

}
