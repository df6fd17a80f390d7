package io.jingling.connectors.sms.client;

import java.util.HashSet;
import java.util.List;

/**
 * A template approved in the Aliyun SMS console: its code ({@code SMS_460000001}) and the
 * names of its variables ({@code ${code}} is {@code code}). Templates are approved
 * outside the code; this only says what a send must fill in.
 */
public record SmsTemplate(String code, List<String> parameters) {

	public SmsTemplate {
		if (code == null || code.isBlank()) {
			throw new IllegalArgumentException("SMS template code is missing");
		}
		parameters = (parameters != null) ? List.copyOf(parameters) : List.of();
		if (parameters.stream().anyMatch(String::isBlank) || new HashSet<>(parameters).size() != parameters.size()) {
			throw new IllegalArgumentException("SMS template " + code + " has a blank or repeated parameter name");
		}
	}

}
