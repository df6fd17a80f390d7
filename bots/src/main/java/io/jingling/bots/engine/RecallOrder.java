package io.jingling.bots.engine;

import java.util.Objects;

/**
 * Recalls an order (撤回): the platform takes the message back where it can, and the order
 * is no longer polled or escalated.
 *
 * @param code e.g. {@code JL-20261130-001}
 * @param recalledBy the userId of the dispatcher who recalled it
 */
public record RecallOrder(String code, String recalledBy) implements Action {

	public RecallOrder {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(recalledBy, "recalledBy");
	}

}
