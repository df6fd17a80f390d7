package io.jingling.bots.engine;

import java.util.Objects;

/**
 * Records an informant's message as a tip (线索): the hub assigns its code, acknowledges it
 * and forwards it to the case officer. The record's {@code toString} shows the message's
 * length, never its text.
 *
 * @param memberId the hub's id of the circle member who wrote
 * @param assistCode the assist request the tip belongs to, or {@code null} when nothing
 * links it
 * @param linkedBy how it was linked: {@link #BY_SCENE_PARAM}, {@link #BY_CODE_IN_TEXT},
 * {@link #BY_LATEST_IN_CIRCLE} or {@link #NOT_LINKED}
 */
public record RecordTip(long memberId, String assistCode, String linkedBy,
		InformantMessageReceived message) implements Action {

	/** The KF link the informant tapped carried the request's code. */
	public static final String BY_SCENE_PARAM = "scene-param";

	/** The informant wrote the request's code. */
	public static final String BY_CODE_IN_TEXT = "code-in-text";

	/** The most recent open request in the informant's circle. */
	public static final String BY_LATEST_IN_CIRCLE = "latest-in-circle";

	/** No open request could be found. */
	public static final String NOT_LINKED = "none";

	public RecordTip {
		Objects.requireNonNull(linkedBy, "linkedBy");
		Objects.requireNonNull(message, "message");
	}

}
