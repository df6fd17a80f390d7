package io.jingling.connectors.dingtalk.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.aliyun.dingtalkworkflow_1_0.models.GetProcessInstanceHeaders;
import com.aliyun.dingtalkworkflow_1_0.models.GetProcessInstanceRequest;
import com.aliyun.dingtalkworkflow_1_0.models.GetProcessInstanceResponseBody;
import com.aliyun.dingtalkworkflow_1_0.models.GetProcessInstanceResponseBody.GetProcessInstanceResponseBodyResult;
import com.aliyun.dingtalkworkflow_1_0.models.GetProcessInstanceResponseBody.GetProcessInstanceResponseBodyResultOperationRecords;
import com.aliyun.dingtalkworkflow_1_0.models.StartProcessInstanceHeaders;
import com.aliyun.dingtalkworkflow_1_0.models.StartProcessInstanceRequest;
import com.aliyun.dingtalkworkflow_1_0.models.StartProcessInstanceRequest.StartProcessInstanceRequestApprovers;
import com.aliyun.dingtalkworkflow_1_0.models.StartProcessInstanceRequest.StartProcessInstanceRequestFormComponentValues;
import com.aliyun.dingtalkworkflow_1_0.models.StartProcessInstanceResponseBody;
import com.aliyun.dingtalkworkflow_1_0.models.TerminateProcessInstanceHeaders;
import com.aliyun.dingtalkworkflow_1_0.models.TerminateProcessInstanceRequest;
import com.aliyun.dingtalkworkflow_1_0.models.TerminateProcessInstanceResponseBody;
import com.aliyun.teautil.models.RuntimeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.TransientConnectorException;

// Approvals (审批) on the v1.0 workflow API through the SDK: start from a template, read an
// instance with its history, terminate one. The approvers a request names form one group of which
// any one decides (actionType OR), which is how the hub asks "one of these leaders".
final class Approvals {

	private static final Logger log = LoggerFactory.getLogger(Approvals.class);

	private static final String ANY_ONE = "OR";

	private final com.aliyun.dingtalkworkflow_1_0.Client workflow;

	private final AccessTokenCache tokens;

	private final RuntimeOptions runtime;

	Approvals(com.aliyun.dingtalkworkflow_1_0.Client workflow, AccessTokenCache tokens, RuntimeOptions runtime) {
		this.workflow = workflow;
		this.tokens = tokens;
		this.runtime = runtime;
	}

	String start(ApprovalRequest approval) {
		StartProcessInstanceRequest request = new StartProcessInstanceRequest()
			.setOriginatorUserId(approval.originatorUserId())
			.setProcessCode(approval.processCode())
			.setDeptId(approval.deptId())
			.setFormComponentValues(approval.fields()
				.stream()
				.map((field) -> new StartProcessInstanceRequestFormComponentValues().setName(field.name())
					.setValue(field.value()))
				.toList());
		if (!approval.approverUserIds().isEmpty()) {
			request.setApprovers(List.of(new StartProcessInstanceRequestApprovers().setActionType(ANY_ONE)
				.setUserIds(approval.approverUserIds())));
		}
		StartProcessInstanceResponseBody body = SdkCalls.withToken(this.tokens, "approval start",
				(token) -> this.workflow
					.startProcessInstanceWithOptions(request,
							new StartProcessInstanceHeaders().setXAcsDingtalkAccessToken(token), this.runtime)
					.getBody());
		if (body == null || body.getInstanceId() == null || body.getInstanceId().isBlank()) {
			throw new TransientConnectorException(DingTalkErrors.PLATFORM, "no-instance-id",
					"DingTalk approval start answered without an instanceId.");
		}
		log.info("dingtalk.approval started processCode={} instanceId={} fields={} approvers={}",
				approval.processCode(), body.getInstanceId(), approval.fields().size(),
				approval.approverUserIds().size());
		return body.getInstanceId();
	}

	ApprovalInstance get(String instanceId) {
		GetProcessInstanceRequest request = new GetProcessInstanceRequest().setProcessInstanceId(instanceId);
		GetProcessInstanceResponseBody body = SdkCalls.withToken(this.tokens, "approval get",
				(token) -> this.workflow
					.getProcessInstanceWithOptions(request,
							new GetProcessInstanceHeaders().setXAcsDingtalkAccessToken(token), this.runtime)
					.getBody());
		GetProcessInstanceResponseBodyResult result = (body != null) ? body.getResult() : null;
		if (result == null) {
			throw new TransientConnectorException(DingTalkErrors.PLATFORM, "no-result",
					"DingTalk approval get answered without a result for " + instanceId + ".");
		}
		List<ApprovalRecord> records = (result.getOperationRecords() != null)
				? result.getOperationRecords().stream().map(Approvals::record).toList() : List.of();
		log.debug("dingtalk.approval read instanceId={} status={} result={}", instanceId, result.getStatus(),
				result.getResult());
		return new ApprovalInstance(instanceId, result.getStatus(), blankToNull(result.getResult()),
				blankToNull(result.getBusinessId()), records);
	}

	void terminate(String instanceId, String operatorUserId, String remark) {
		TerminateProcessInstanceRequest request = new TerminateProcessInstanceRequest().setProcessInstanceId(instanceId)
			.setIsSystem(operatorUserId == null)
			.setOperatingUserId(operatorUserId)
			.setRemark(remark);
		TerminateProcessInstanceResponseBody body = SdkCalls.withToken(this.tokens, "approval terminate",
				(token) -> this.workflow
					.terminateProcessInstanceWithOptions(request,
							new TerminateProcessInstanceHeaders().setXAcsDingtalkAccessToken(token), this.runtime)
					.getBody());
		if (body != null && Boolean.FALSE.equals(body.getResult())) {
			throw new PermanentConnectorException(DingTalkErrors.PLATFORM, "terminate.refused",
					"DingTalk approval terminate answered result=false for " + instanceId + ".");
		}
		log.info("dingtalk.approval terminated instanceId={} bySystem={}", instanceId, operatorUserId == null);
	}

	private static ApprovalRecord record(GetProcessInstanceResponseBodyResultOperationRecords record) {
		return new ApprovalRecord(record.getUserId(), instant(record.getDate()), record.getType(), record.getResult(),
				blankToNull(record.getRemark()));
	}

	// The workflow API writes times as ISO date-times in UTC to the minute
	// ("2026-11-30T06:00Z");
	// seconds are read when present.
	private static Instant instant(String date) {
		try {
			return (date != null && !date.isBlank()) ? OffsetDateTime.parse(date.trim()).toInstant() : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return (value != null && !value.isBlank()) ? value : null;
	}

}
