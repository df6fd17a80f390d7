package io.jingling.bots.engine;

import java.time.Instant;
import java.util.Set;
import java.util.Objects;

/**
 * An informant wrote to the hub (WeCom KF now; Official Account or SMS later). Carries no
 * platform id: the member is known to the engine by the hub's member id and pseudonym
 * only. Absent strings become empty strings, so rules and bots never meet {@code null}.
 *
 * @param eventId the platform's id of the inbound message
 * @param memberId the hub's id of the circle member
 * @param pseudonym the name officers know the informant by
 * @param circleId the member's circle, e.g. {@code transport}; empty when not known
 * @param township the member's township; empty when not known
 * @param channel where the message came in: {@code kf}
 * @param kind {@code text}, {@code image}, {@code voice} or {@code location}
 * @param text what the informant wrote; empty for media
 * @param mediaRef the hub's reference to stored media; empty for text
 * @param sceneParam the assist request code the KF link carried, or empty
 */
public record InformantMessageReceived(String eventId, Instant occurredAt, long memberId, String pseudonym,
		String circleId, String township, String channel, String kind, String text, String mediaRef,
		String sceneParam) implements Event {

	/** The channels informants write on: 微信客服, the Official Account, SMS. */
	public static final Set<String> CHANNELS = Set.of("kf", "oa", "sms");

	public InformantMessageReceived {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		pseudonym = Objects.requireNonNullElse(pseudonym, "");
		circleId = Objects.requireNonNullElse(circleId, "");
		township = Objects.requireNonNullElse(township, "");
		channel = Objects.requireNonNullElse(channel, "");
		kind = Objects.requireNonNullElse(kind, "");
		text = Objects.requireNonNullElse(text, "");
		mediaRef = Objects.requireNonNullElse(mediaRef, "");
		sceneParam = Objects.requireNonNullElse(sceneParam, "");
	}

	/** Tip content never reaches logs: ids, kind and the text's length only. */
	@Override
	public String toString() {
		return "InformantMessageReceived[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", memberId="
				+ this.memberId + ", pseudonym=" + this.pseudonym + ", circleId=" + this.circleId + ", channel="
				+ this.channel + ", kind=" + this.kind + ", textLength=" + this.text.length() + ", sceneParam="
				+ this.sceneParam + "]";
	}

}
