package io.jingling.connectors.sms.client;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.jingling.connectors.PermanentConnectorException;

/**
 * The templates the hub may send, by code, and the check a send passes before any call:
 * Aliyun would refuse the same mistakes, but only after the request, and a refused
 * broadcast is hard to tell from a half-sent one.
 */
public final class SmsTemplates {

	/**
	 * Longest value of one variable in a notice (短信通知) template: Aliyun refuses longer
	 * ones with {@code isv.PARAM_LENGTH_LIMIT}. Verification-code templates allow less,
	 * but the hub sends notices only.
	 */
	public static final int MAX_PARAMETER_LENGTH = 35;

	private final Map<String, SmsTemplate> byCode;

	private SmsTemplates(Map<String, SmsTemplate> byCode) {
		this.byCode = byCode;
	}

	/**
	 * The given templates by code.
	 * @throws IllegalArgumentException when two templates share a code
	 */
	public static SmsTemplates of(Collection<SmsTemplate> templates) {
		Map<String, SmsTemplate> byCode = new LinkedHashMap<>();
		for (SmsTemplate template : templates) {
			if (byCode.putIfAbsent(template.code(), template) != null) {
				throw new IllegalArgumentException("SMS template " + template.code() + " is configured twice");
			}
		}
		return new SmsTemplates(Map.copyOf(byCode));
	}

	/** The template with that code, if configured. */
	public Optional<SmsTemplate> find(String code) {
		return Optional.ofNullable((code != null) ? this.byCode.get(code) : null);
	}

	/**
	 * Checks that {@code params} fill exactly the template's variables, each with a
	 * non-blank value of at most {@value #MAX_PARAMETER_LENGTH} characters (Aliyun's
	 * limit for a notice variable).
	 * @throws PermanentConnectorException with code {@code template.unknown} when no such
	 * template is configured, {@code template.parameters} when a variable is missing,
	 * extra, blank or too long; the message names variables, never their values
	 */
	public void check(String templateCode, Map<String, String> params) {
		SmsTemplate template = find(templateCode).orElseThrow(() -> new PermanentConnectorException(SmsErrors.PLATFORM,
				"template.unknown", "SMS template " + templateCode + " is not configured."));
		TreeSet<String> missing = new TreeSet<>(template.parameters());
		missing.removeAll(params.keySet());
		TreeSet<String> extra = new TreeSet<>(params.keySet());
		template.parameters().forEach(extra::remove);
		TreeSet<String> bad = new TreeSet<>();
		params.forEach((name, value) -> {
			if (value == null || value.isBlank() || value.length() > MAX_PARAMETER_LENGTH) {
				bad.add(name);
			}
		});
		if (!missing.isEmpty() || !extra.isEmpty() || !bad.isEmpty()) {
			throw new PermanentConnectorException(SmsErrors.PLATFORM, "template.parameters",
					"SMS template " + templateCode + " parameters do not fit: missing " + missing + ", extra " + extra
							+ ", blank or longer than " + MAX_PARAMETER_LENGTH + " characters " + bad + ".");
		}
	}

	@Override
	public String toString() {
		return "SmsTemplates" + this.byCode.keySet();
	}

}
