package io.jingling.bots.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An assist request was registered; rules decide whether and how it goes out to the
 * circles. Absent strings become empty strings, so rules never meet {@code null}.
 *
 * @param eventId the hub's id of this event
 * @param code e.g. {@code XC-20261130-007}
 * @param circleIds the circles it names, e.g. {@code transport}
 * @param caseOfficer the userId of the officer who receives the tips
 * @param requestedBy the dispatcher's userId
 * @param urgent whether unconfirmed broadcasts fall back to SMS
 * @param sensitive whether it needs approval before it goes out
 */
public record AssistRequestOpened(String eventId, Instant occurredAt, String code, List<String> circleIds,
		String content, String caseOfficer, String requestedBy, boolean urgent, boolean sensitive) implements Event {

	public AssistRequestOpened {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(code, "code");
		circleIds = (circleIds != null) ? List.copyOf(circleIds) : List.of();
		content = Objects.requireNonNullElse(content, "");
		caseOfficer = Objects.requireNonNullElse(caseOfficer, "");
		requestedBy = Objects.requireNonNullElse(requestedBy, "");
	}

	/** The content can describe people, so only its length reaches logs. */
	@Override
	public String toString() {
		return "AssistRequestOpened[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", code=" + this.code
				+ ", circleIds=" + this.circleIds + ", contentLength=" + this.content.length() + ", caseOfficer="
				+ this.caseOfficer + ", requestedBy=" + this.requestedBy + ", urgent=" + this.urgent + ", sensitive="
				+ this.sensitive + "]";
	}

}
