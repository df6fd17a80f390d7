package io.jingling.bots.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Opens an assist request (协查) to one or more circles: the hub assigns its code and, once
 * any required approval is given, broadcasts it.
 *
 * @param circleIds the circles' ids, e.g. {@code transport}
 * @param caseOfficer the userId of the officer who receives the tips
 * @param validity how long the request collects tips
 * @param requestedBy the dispatcher's userId
 * @param urgent marked {@code 紧急}: consenting informants are also told by SMS
 * @param sensitive marked {@code 敏感}: a leader approves it before it goes out
 */
public record OpenAssistRequest(List<String> circleIds, String content, String caseOfficer, Duration validity,
		String requestedBy, boolean urgent, boolean sensitive) implements Action {

	/** An ordinary request: neither urgent nor sensitive. */
	public OpenAssistRequest(List<String> circleIds, String content, String caseOfficer, Duration validity,
			String requestedBy) {
		this(circleIds, content, caseOfficer, validity, requestedBy, false, false);
	}

	public OpenAssistRequest {
		circleIds = List.copyOf(circleIds);
		Objects.requireNonNull(content, "content");
		Objects.requireNonNull(caseOfficer, "caseOfficer");
		Objects.requireNonNull(validity, "validity");
		Objects.requireNonNull(requestedBy, "requestedBy");
	}

	@Override
	public String toString() {
		return "OpenAssistRequest[circleIds=" + this.circleIds + ", contentLength=" + this.content.length()
				+ ", caseOfficer=" + this.caseOfficer + ", validity=" + this.validity + ", requestedBy="
				+ this.requestedBy + ", urgent=" + this.urgent + ", sensitive=" + this.sensitive + "]";
	}

}
