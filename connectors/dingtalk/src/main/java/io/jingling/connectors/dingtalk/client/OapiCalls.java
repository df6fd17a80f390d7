package io.jingling.connectors.dingtalk.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.TransientConnectorException;

// One old-API (oapi) call: a JSON post with the app's v1.0 access token in the query, which the old
// API accepts, and the answer's errcode classified. Errors come back as HTTP 200 with an errcode;
// errcode 88 says "see sub_code". A rejected token is refreshed once and the call retried once.
final class OapiCalls {

	private static final Logger log = LoggerFactory.getLogger(OapiCalls.class);

	// errcode 88 means "see sub_code"; these sub_codes say the token was refused: 40000
	// blank, 40014 invalid, 40001 and 42001 the older invalid and expired.
	private static final Set<String> TOKEN_SUB_CODES = Set.of("40000", "40014", "40001", "42001");

	// Older answers put the same codes in errcode itself.
	private static final Set<String> TOKEN_ERRCODES = Set.of("40014", "40001", "42001");

	private final URI oapiUrl;

	private final AccessTokenCache tokens;

	private final OapiHttp http;

	OapiCalls(URI oapiUrl, AccessTokenCache tokens, OapiHttp http) {
		this.oapiUrl = oapiUrl;
		this.tokens = tokens;
		this.http = http;
	}

	// The whole answer of a call that succeeded (errcode 0).
	JsonNode call(String operation, String path, ObjectNode body) {
		String text = body.toString();
		return this.tokens.withToken(operation,
				(token) -> check(operation, this.http.post(operation, target(path, token), text)));
	}

	private URI target(String path, String token) {
		return URI.create(this.oapiUrl.getScheme() + "://" + this.oapiUrl.getRawAuthority() + path + "?access_token="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8));
	}

	private static JsonNode check(String operation, OapiHttp.Answer answer) {
		String errcode = answer.errcode();
		if (answer.status() / 100 == 2 && "0".equals(errcode)) {
			return answer.body();
		}
		if (errcode == null) {
			log.warn("dingtalk.call failed operation={} status={} code=none", operation, answer.status());
			if (answer.status() / 100 == 2) {
				// an IP block page or a proxy answers 200 without errcode
				throw new TransientConnectorException(DingTalkErrors.PLATFORM, "no-errcode",
						"DingTalk " + operation + " got an answer without errcode (HTTP " + answer.status() + ").");
			}
			throw DingTalkErrors.exception(operation, answer.status(), String.valueOf(answer.status()), null);
		}
		String subCode = answer.text("sub_code");
		String requestId = answer.text("request_id");
		log.warn("dingtalk.call failed operation={} status={} code={} subCode={} requestId={}", operation,
				answer.status(), errcode, subCode, requestId);
		if (("88".equals(errcode) && subCode != null && TOKEN_SUB_CODES.contains(subCode))
				|| TOKEN_ERRCODES.contains(errcode)) {
			String code = (subCode != null) ? subCode : errcode;
			throw new TokenRejectedException(code, "DingTalk " + operation + " failed with " + errcode
					+ ((subCode != null) ? "/" + subCode : "") + ": the access token was rejected.");
		}
		throw DingTalkErrors.exception(operation, answer.status(), errcode, subCode, requestId);
	}

}
