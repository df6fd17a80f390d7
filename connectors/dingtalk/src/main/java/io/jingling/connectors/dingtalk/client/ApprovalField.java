package io.jingling.connectors.dingtalk.client;

import java.util.Objects;

/**
 * One form value of an approval (审批): the form component's name and its value as a string
 * (DingTalk wants lists and tables JSON-encoded into the string). {@code toString()}
 * hides the value.
 */
public record ApprovalField(String name, String value) {

	public ApprovalField {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("An approval field needs a name");
		}
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() { // form values may carry an assist request's details
		return "ApprovalField[name=" + this.name + ", value=(hidden)]";
	}

}
