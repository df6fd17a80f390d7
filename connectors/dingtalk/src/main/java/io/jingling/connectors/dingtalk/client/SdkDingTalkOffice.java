package io.jingling.connectors.dingtalk.client;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

// DingTalkOffice over the SDK's workflow client (approvals) and plain JSON posts to the old API
// (check-ins, attendance, logs). Built only by SdkDingTalkClient, on its access-token cache and old-API
// connection, so one app keeps one token whichever interface calls: DingTalk throttles apps that
// fetch tokens often.
final class SdkDingTalkOffice implements DingTalkOffice {

	private final CheckinQueries checkins;

	private final ReportQueries reports;

	private final Approvals approvals;

	SdkDingTalkOffice(DingTalkSettings settings, AccessTokenCache tokens, OapiCalls oapi, ObjectMapper json) {
		com.aliyun.dingtalkworkflow_1_0.Client workflow;
		try {
			workflow = new com.aliyun.dingtalkworkflow_1_0.Client(SdkCalls.config(settings));
		}
		catch (Exception ex) {
			throw new IllegalStateException("DingTalk workflow client could not be created for " + settings.apiUrl(),
					ex);
		}
		this.checkins = new CheckinQueries(oapi, json);
		this.reports = new ReportQueries(oapi, json);
		this.approvals = new Approvals(workflow, tokens, SdkCalls.runtime(settings.timeout()));
	}

	@Override
	public List<CheckinRecord> checkins(List<String> userIds, Instant from, Instant to) {
		return this.checkins.checkins(userIds, from, to);
	}

	@Override
	public List<AttendanceRecord> attendance(List<String> userIds, Instant from, Instant to, ZoneId zone) {
		return this.checkins.attendance(userIds, from, to, zone);
	}

	@Override
	public List<WorkReport> reports(String templateName, Instant from, Instant to) {
		return this.reports.reports(templateName, from, to);
	}

	@Override
	public Set<String> reportReaders(String reportId) {
		return this.reports.readers(reportId);
	}

	@Override
	public Set<String> reportReceivers(String reportId) {
		return this.reports.receivers(reportId);
	}

	@Override
	public String startApproval(ApprovalRequest request) {
		return this.approvals.start(request);
	}

	@Override
	public ApprovalInstance approval(String instanceId) {
		return this.approvals.get(instanceId);
	}

	@Override
	public void terminateApproval(String instanceId, String operatorUserId, String remark) {
		this.approvals.terminate(instanceId, operatorUserId, remark);
	}

}
