package io.jingling.connectors.dingtalk.client;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * DingTalk's office data the hub reads and the approvals it starts, in our words:
 * check-ins, attendance punches, logs (日志) with who received and read them, and approvals
 * (审批). Kept apart from {@link DingTalkClient}, which is about messages; an
 * {@link SdkDingTalkClient} gives one sharing its access token
 * ({@link SdkDingTalkClient#office()}).
 * <p>
 * Time ranges are half-open, {@code [from, to)}. Limits DingTalk puts on one call (users
 * per call, days per call, page sizes) are the implementation's business: a method splits
 * and pages as needed and returns everything. Failures throw
 * {@link io.jingling.connectors.TransientConnectorException} (a retry may help; a
 * {@link io.jingling.connectors.ThrottledConnectorException} says how long to wait) or
 * {@link io.jingling.connectors.PermanentConnectorException} (it won't); a failure part
 * way through a split query fails the whole query. Implementations never retry on their
 * own, except once after refreshing a rejected access token.
 */
public interface DingTalkOffice {

	/**
	 * Check-ins (签到) of the given users, oldest first. DingTalk takes at most 10 users
	 * per call and a range of at most 10 days for one user or 1 day for several.
	 * @throws IllegalArgumentException when {@code to} is before {@code from}
	 * @see <a href=
	 * "https://open.dingtalk.com/document/development/obtain-the-check-in-records-of-multiple-users">Check-in
	 * records of several users (POST /topapi/checkin/record/get)</a>
	 */
	List<CheckinRecord> checkins(List<String> userIds, Instant from, Instant to);

	/**
	 * Attendance punches (考勤打卡) of the given users, oldest first. DingTalk takes at most
	 * 50 users and 7 days per call, with the range as local date-times in {@code zone}
	 * (the tenant's time zone, {@code Asia/Shanghai} in China), and keeps 180 days.
	 * @throws IllegalArgumentException when {@code to} is before {@code from}
	 * @see <a href=
	 * "https://open.dingtalk.com/document/development/attendance-clock-in-record-is-open">Attendance
	 * punches (POST /attendance/listRecord)</a>
	 */
	List<AttendanceRecord> attendance(List<String> userIds, Instant from, Instant to, ZoneId zone);

	/**
	 * Logs created in the range, of one template or (null) of all, oldest first as
	 * DingTalk pages them. DingTalk takes at most 180 days per call.
	 * @throws IllegalArgumentException when {@code to} is before {@code from}
	 * @see <a href=
	 * "https://open.dingtalk.com/document/development/query-logs-sent-by-an-employee">Logs
	 * (POST /topapi/report/list)</a>
	 */
	List<WorkReport> reports(String templateName, Instant from, Instant to);

	/**
	 * Who has read a log.
	 * @see <a href=
	 * "https://open.dingtalk.com/document/development/obtains-a-list-of-log-related-personnel-by-type">Log
	 * people by type, 0 = read (POST /topapi/report/statistics/listbytype)</a>
	 */
	Set<String> reportReaders(String reportId);

	/**
	 * Whom a log was sent to ({@code POST /topapi/report/receiver/list}); the unread are
	 * the receivers minus {@link #reportReaders(String)}.
	 */
	Set<String> reportReceivers(String reportId);

	/**
	 * Starts an approval and gives its instance id.
	 * @see <a href=
	 * "https://open.dingtalk.com/document/development/create-an-approval-instance">Create
	 * an approval instance (POST /v1.0/workflow/processInstances)</a>
	 */
	String startApproval(ApprovalRequest request);

	/**
	 * An approval instance's status, result and history.
	 * @see <a href=
	 * "https://open.dingtalk.com/document/development/obtains-the-details-of-a-single-approval-instance-pop">Get
	 * an approval instance (GET /v1.0/workflow/processInstances)</a>
	 */
	ApprovalInstance approval(String instanceId);

	/**
	 * Terminates (撤销) a running approval
	 * ({@code POST /v1.0/workflow/processInstances/terminate}, SDK
	 * {@code dingtalkworkflow_1_0 terminateProcessInstance}) on behalf of
	 * {@code operatorUserId}, or as the system when it is null.
	 */
	void terminateApproval(String instanceId, String operatorUserId, String remark);

}
