package io.jingling.bots.engine;

import java.util.Objects;

/**
 * A DingTalk group the robot is in.
 *
 * @param channel what the group is for, e.g. {@code command}; rules match on it
 */
public record Group(String openConversationId, String name, String channel) {

	public Group {
		Objects.requireNonNull(openConversationId, "openConversationId");
		Objects.requireNonNull(name, "name");
		channel = Objects.requireNonNullElse(channel, "");
	}

}
