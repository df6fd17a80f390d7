package io.jingling.inbound;

import io.jingling.bots.engine.RobotMessageReceived;

/**
 * A robot message as stored in the inbox: the engine's event and how to answer it.
 */
public record InboundMessage(String platformMessageId, RobotMessageReceived event, ReplyChannel reply) {

	/** How robot messages are marked in the inbox. */
	public static final String TYPE = "RobotMessageReceived";

}
