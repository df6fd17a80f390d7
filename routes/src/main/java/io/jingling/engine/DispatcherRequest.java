package io.jingling.engine;

import java.util.List;

/**
 * An assist request a dispatcher opened in the console or through the API, as the inbox
 * keeps it.
 *
 * @param requestedBy the dispatcher's DingTalk user id
 * @param circleIds the circles it goes to
 * @param caseOfficer the DingTalk user id of the officer who runs it
 * @param validityHours how long it collects tips
 */
public record DispatcherRequest(String requestedBy, List<String> circleIds, String content, String caseOfficer,
		int validityHours, boolean urgent, boolean sensitive) {

	/** The inbox's {@code event_type} for these. */
	public static final String TYPE = "DispatcherAssistRequest";

	public DispatcherRequest {
		circleIds = List.copyOf(circleIds);
	}

	/** The content can describe people, so only its length reaches logs. */
	@Override
	public String toString() {
		return "DispatcherRequest[requestedBy=" + this.requestedBy + ", circleIds=" + this.circleIds
				+ ", contentLength=" + this.content.length() + ", caseOfficer=" + this.caseOfficer + "]";
	}

}
