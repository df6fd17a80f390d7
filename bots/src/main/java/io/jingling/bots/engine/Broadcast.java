package io.jingling.bots.engine;

import java.util.List;
import java.util.Objects;

/**
 * Sends an assist request out to its circles. The routes module plans one WeCom
 * group-message task per liaison officer who owns groups in those circles.
 *
 * @param assistCode e.g. {@code XC-20261130-007}
 * @param circleIds the circles' ids, e.g. {@code transport}
 */
public record Broadcast(String assistCode, List<String> circleIds) implements Action {

	public Broadcast {
		Objects.requireNonNull(assistCode, "assistCode");
		circleIds = List.copyOf(circleIds);
	}

}
