package io.jingling.bots.engine;

import java.util.List;
import java.util.Objects;

/**
 * Holds an assist request until a leader approves it in DingTalk (审批); it goes out to its
 * circles on {@code agree} and is cancelled on {@code refuse}.
 *
 * @param code e.g. {@code XC-20261130-007}
 * @param circleIds the circles it goes to once approved
 */
public record RequestApproval(String code, List<String> circleIds) implements Action {

	public RequestApproval {
		Objects.requireNonNull(code, "code");
		circleIds = List.copyOf(circleIds);
	}

}
