package io.jingling.connectors.dingtalk.client;

import java.util.List;

/**
 * An approval (审批) to start from a template ({@code processCode}, as the template
 * editor's URL shows it) on behalf of {@code originatorUserId}. {@code approverUserIds},
 * when not empty, replace the template's flow by one group of which any one may decide
 * ({@code actionType OR}); without them the template's flow applies and {@code deptId}
 * (the originator's department, {@code -1} for the root) is required. At most
 * {@value #MAX_FIELDS} fields and {@value #MAX_APPROVERS} approvers.
 */
public record ApprovalRequest(String processCode, String originatorUserId, Long deptId, List<ApprovalField> fields,
		List<String> approverUserIds) {

	/** The most form values DingTalk takes. */
	public static final int MAX_FIELDS = 150;

	/** The most approvers this request names (DingTalk's limit on one approver group). */
	public static final int MAX_APPROVERS = 20;

	public ApprovalRequest {
		require(processCode != null && !processCode.isBlank(), "An approval needs a processCode");
		require(originatorUserId != null && !originatorUserId.isBlank(), "An approval needs an originatorUserId");
		fields = (fields != null) ? List.copyOf(fields) : List.of();
		approverUserIds = (approverUserIds != null) ? List.copyOf(approverUserIds) : List.of();
		require(!fields.isEmpty() && fields.size() <= MAX_FIELDS,
				"An approval takes 1 to " + MAX_FIELDS + " fields, got " + fields.size());
		require(approverUserIds.size() <= MAX_APPROVERS,
				"An approval takes at most " + MAX_APPROVERS + " approvers, got " + approverUserIds.size());
		require(deptId != null || !approverUserIds.isEmpty(),
				"An approval without approvers needs the originator's deptId (-1 for the root department)");
	}

	private static void require(boolean valid, String message) {
		if (!valid) {
			throw new IllegalArgumentException(message);
		}
	}

	@Override
	public String toString() { // form values may carry an assist request's details
		return "ApprovalRequest[processCode=" + this.processCode + ", deptId=" + this.deptId + ", fields="
				+ this.fields.size() + ", approvers=" + this.approverUserIds.size() + "]";
	}

}
