package io.jingling.connectors.sms.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SendSms call: the same template and variables to 1 to {@value #MAX_NUMBERS}
 * numbers, signed with the configured sign name. Numbers are kept normalised (11 digits,
 * no country prefix). {@code outId} (the hub's outbox id) comes back in receipts and
 * QuerySendDetails, so a receipt maps to its row without a lookup table.
 */
public record SmsMessage(List<String> phoneNumbers, String templateCode, Map<String, String> params, String outId) {

	/** Most numbers one SendSms call takes. */
	public static final int MAX_NUMBERS = 1000;

	/** Longest OutId Aliyun keeps. */
	public static final int MAX_OUT_ID_LENGTH = 255;

	public SmsMessage {
		phoneNumbers = normalised(phoneNumbers, MAX_NUMBERS, "SendSms");
		templateCode = requireTemplateCode(templateCode);
		params = copy(params);
		outId = requireOutId(outId);
	}

	@Override
	public String toString() { // numbers masked, variables hidden: they may name a person
		return "SmsMessage[phoneNumbers=" + masked(this.phoneNumbers) + ", templateCode=" + this.templateCode
				+ ", params=" + this.params.keySet() + ", outId=" + this.outId + "]";
	}

	static List<String> normalised(List<String> phoneNumbers, int max, String action) {
		int count = (phoneNumbers != null) ? phoneNumbers.size() : 0;
		if (count == 0 || count > max) {
			throw new IllegalArgumentException(action + " takes 1 to " + max + " phone numbers, got " + count);
		}
		return phoneNumbers.stream().map(PhoneNumbers::normalise).toList();
	}

	static String requireTemplateCode(String templateCode) {
		if (templateCode == null || templateCode.isBlank()) {
			throw new IllegalArgumentException("SMS template code is missing");
		}
		return templateCode;
	}

	static String requireOutId(String outId) {
		if (outId == null || outId.isBlank() || outId.length() > MAX_OUT_ID_LENGTH) {
			throw new IllegalArgumentException("SMS outId must be 1 to " + MAX_OUT_ID_LENGTH + " characters");
		}
		return outId;
	}

	// Keeps the caller's order, so TemplateParam is the same JSON on every attempt.
	static Map<String, String> copy(Map<String, String> params) {
		if (params == null) {
			return Map.of();
		}
		params.forEach((name, value) -> {
			if (name == null || value == null) {
				throw new IllegalArgumentException("SMS template parameters cannot have a null name or value");
			}
		});
		return Collections.unmodifiableMap(new LinkedHashMap<>(params));
	}

	static List<String> masked(List<String> phoneNumbers) {
		return phoneNumbers.stream().map(PhoneNumbers::mask).toList();
	}

}
