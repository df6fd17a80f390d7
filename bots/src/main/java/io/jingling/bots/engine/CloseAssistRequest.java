package io.jingling.bots.engine;

import java.util.Objects;

/**
 * Closes an assist request (结案): it collects no more tips, and the informants who sent
 * tips are thanked.
 *
 * @param code e.g. {@code XC-20261130-007}
 * @param closedBy the userId of the dispatcher or case officer who closed it
 */
public record CloseAssistRequest(String code, String closedBy) implements Action {

	public CloseAssistRequest {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(closedBy, "closedBy");
	}

}
