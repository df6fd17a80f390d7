package io.jingling.connectors.sms.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

// The gateway's checks before any business logic: a well-formed Authorization header, a known
// AccessKey, x-acs-date within 15 minutes of the simulator's clock, the body hash, the ACS3
// signature, and a nonce not seen in the last 15 minutes. A nonce counts only once the
// signature holds, so a forged request cannot burn someone else's nonce.
final class SignatureCheck {

	static final Duration WINDOW = Duration.ofMinutes(15);

	private static final Pattern AUTHORIZATION = Pattern
		.compile("ACS3-HMAC-SHA256\\s+Credential=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]+)");

	// Headers a request must sign, or the signature protects too little.
	private static final List<String> REQUIRED = List.of("host", "x-acs-action", "x-acs-version", "x-acs-date",
			"x-acs-signature-nonce", "x-acs-content-sha256");

	private final String accessKeyId;

	private final String accessKeySecret;

	private final Clock clock;

	private final Map<String, Instant> nonces = new HashMap<>();

	SignatureCheck(String accessKeyId, String accessKeySecret, Clock clock) {
		this.accessKeyId = accessKeyId;
		this.accessKeySecret = accessKeySecret;
		this.clock = clock;
	}

	synchronized Optional<Answer> refusal(LoggedRequest request, Map<String, String> query) {
		Matcher authorization = AUTHORIZATION.matcher(String.valueOf(request.getHeader("Authorization")));
		if (!authorization.matches()) {
			return refuse(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
		}
		if (!this.accessKeyId.equals(authorization.group(1))) {
			return refuse(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
		}
		List<String> signed = Arrays.asList(authorization.group(2).toLowerCase(Locale.ROOT).split(";"));
		String nonce = request.getHeader("x-acs-signature-nonce");
		if (!signed.containsAll(REQUIRED) || nonce == null || nonce.isBlank()) {
			return refuse(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
		}
		Instant now = this.clock.instant();
		Optional<Answer> stale = staleness(request.getHeader("x-acs-date"), now);
		if (stale.isPresent()) {
			return stale;
		}
		String payloadHash = Acs3Signature.sha256Hex(request.getBody());
		if (!payloadHash.equalsIgnoreCase(String.valueOf(request.getHeader("x-acs-content-sha256")))) {
			return refuse(400, "SignatureDoesNotMatch", "The x-acs-content-sha256 header does not match the body.");
		}
		SortedMap<String, String> headers = new TreeMap<>();
		signed.forEach((name) -> headers.put(name, header(request, name)));
		String canonicalRequest = Acs3Signature.canonicalRequest(request.getMethod().getName(),
				Params.path(request.getUrl()), Acs3Signature.canonicalQuery(query), headers, payloadHash);
		String expected = Acs3Signature.signature(this.accessKeySecret, canonicalRequest);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				authorization.group(3).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
			return refuse(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
		}
		this.nonces.values().removeIf((seen) -> seen.isBefore(now.minus(WINDOW)));
		if (this.nonces.putIfAbsent(nonce, now) != null) {
			return refuse(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
		}
		return Optional.empty();
	}

	synchronized void reset() {
		this.nonces.clear();
	}

	// HTTP/2 carries the host as :authority, which WireMock does not list as a header.
	private static String header(LoggedRequest request, String name) {
		String value = request.getHeader(name);
		if (value == null && name.equals("host")) {
			return request.getHost() + ":" + request.getPort();
		}
		return String.valueOf(value);
	}

	private static Optional<Answer> staleness(String date, Instant now) {
		Instant sent;
		try {
			sent = Instant.parse(String.valueOf(date));
		}
		catch (DateTimeParseException ex) {
			return refuse(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
		}
		if (Duration.between(sent, now).abs().compareTo(WINDOW) > 0) {
			return refuse(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
		}
		return Optional.empty();
	}

	private static Optional<Answer> refuse(int status, String code, String message) {
		return Optional.of(Answer.error(status, code, message));
	}

}
