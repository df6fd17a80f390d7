package io.jingling.bots.engine;

import java.time.Instant;

/**
 * Something that happened and that rules may react to. The routes module builds events
 * from verified, de-duplicated platform callbacks; the engine never sees raw payloads.
 */
public sealed interface Event permits RobotMessageReceived, AssistRequestOpened, InformantMessageReceived {

	/** The platform's id of the inbound message, used to correlate logs and actions. */
	String eventId();

	Instant occurredAt();

}
