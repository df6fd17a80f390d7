package io.jingling.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.jingling.assist.Broadcasts;
import io.jingling.bots.engine.Broadcast;
import io.jingling.bots.engine.ConversationType;
import io.jingling.bots.engine.RequestApproval;
import io.jingling.connectors.dingtalk.client.ApprovalField;
import io.jingling.connectors.dingtalk.client.ApprovalRequest;
import io.jingling.connectors.dingtalk.client.DingTalkOffice;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.connectors.dingtalk.events.DingTalkEvent;
import io.jingling.connectors.dingtalk.events.DingTalkEvents;
import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.inbound.ReplyChannel;
import io.jingling.outbox.DeliveryListener;
import io.jingling.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Holds an assist request for approval: an approval instance is started in DingTalk
 * through the outbox (so a crash neither loses nor doubles it), the request shows as 待审批,
 * and the {@code bpms_instance_change} event decides: {@code agree} broadcasts it once,
 * {@code refuse} or {@code terminate} cancels it and tells the dispatcher why. The
 * originator is told the result either way (审批送达).
 */
@Component
public class Approvals implements DeliveryListener {

	private static final Logger log = LoggerFactory.getLogger(Approvals.class);

	private static final int SUMMARY_LENGTH = 200;

	private final JdbcTemplate jdbc;

	private final Outbox outbox;

	private final Broadcasts broadcasts;

	private final DirectoryStore directory;

	private final DingTalkOffice office;

	private final ApprovalProperties properties;

	private final Clock clock;

	Approvals(JdbcTemplate jdbc, Outbox outbox, Broadcasts broadcasts, DirectoryStore directory, DingTalkOffice office,
			ApprovalProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.broadcasts = broadcasts;
		this.directory = directory;
		this.office = office;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Holds the request and queues the approval instance; called in the inbox
	 * transaction.
	 */
	public void request(RequestApproval approval, ReplyChannel dispatcher) {
		if (this.jdbc.update(
				"UPDATE assist_request SET status = 'PENDING_APPROVAL' WHERE code = ? AND status = 'CREATED'",
				approval.code()) == 0) {
			log.warn("approval.request skipped code={}: not a new request", approval.code());
			return;
		}
		this.jdbc.update("INSERT INTO approval (assist_code, status, requested_at) VALUES (?, 'REQUESTED', ?)",
				approval.code(), Timestamp.from(this.clock.instant()));
		this.outbox.startApproval("approval:" + approval.code(), approval.code());
		if (dispatcher != null) {
			this.outbox.reply("approval:" + approval.code() + ":held", dispatcher,
					new MessageContent("警铃", "协查 " + approval.code() + " 须经局领导审批，已提交（待审批），同意后即发布。"));
		}
		log.info("approval.request queued code={}", approval.code());
	}

	/** Starts the approval instance in DingTalk; the outbox delivers through this. */
	public String start(String assistCode) {
		Map<String, Object> request = this.jdbc
			.queryForMap("SELECT circles, content, requested_by FROM assist_request WHERE code = ?", assistCode);
		Directory people = this.directory.current();
		String circles = String.join("、",
				Arrays.stream(((String) request.get("CIRCLES")).split(","))
					.filter((id) -> !id.isBlank())
					.map(people::circleName)
					.toList());
		String content = (String) request.get("CONTENT");
		List<ApprovalField> fields = List.of(new ApprovalField("协查编号", assistCode), new ApprovalField("发往圈子", circles),
				new ApprovalField("协查内容",
						(content.length() <= SUMMARY_LENGTH) ? content : content.substring(0, SUMMARY_LENGTH) + "…"));
		return this.office.startApproval(new ApprovalRequest(this.properties.processCode(),
				(String) request.get("REQUESTED_BY"), this.properties.deptId(), fields, this.properties.approvers()));
	}

	@Override
	public void sent(List<DeliveredRow> rows, Object result, Instant at) {
		for (DeliveredRow row : rows) {
			if (row.actionKey().startsWith("approval:") && row.actionKey().indexOf(':', "approval:".length()) < 0
					&& result instanceof String instanceId) {
				String code = row.actionKey().substring("approval:".length());
				this.jdbc.update("UPDATE approval SET instance_id = ?, status = 'PENDING' WHERE assist_code = ?"
						+ " AND status = 'REQUESTED'", instanceId, code);
				log.info("approval.start done code={} instanceId={}", code, instanceId);
			}
		}
	}

	@Override
	public void dead(DeliveredRow row, String code, Instant at) {
		if (row.actionKey().startsWith("approval:") && row.actionKey().indexOf(':', "approval:".length()) < 0) {
			String assistCode = row.actionKey().substring("approval:".length());
			this.jdbc.update("UPDATE approval SET status = 'FAILED', remark = ? WHERE assist_code = ?", code,
					assistCode);
			tellDispatcher(assistCode, "failed",
					"协查 " + assistCode + " 的审批未能在钉钉发起（" + code + "），协查未发布；请检查审批模板设置后重新发布。");
		}
	}

	/** A {@code bpms_task_change}: keeps the approver's remark for the result message. */
	public void taskChanged(DingTalkEvent event) {
		String instanceId = DingTalkEvents.text(event.data(), "processInstanceId");
		String remark = DingTalkEvents.text(event.data(), "remark");
		if (!instanceId.isEmpty() && !remark.isEmpty()) {
			this.jdbc.update("UPDATE approval SET remark = ? WHERE instance_id = ? AND status = 'PENDING'",
					(remark.length() <= 500) ? remark : remark.substring(0, 500), instanceId);
		}
	}

	/**
	 * A {@code bpms_instance_change}: {@code finish} with {@code agree} broadcasts the
	 * request, {@code finish} with {@code refuse} or {@code terminate} cancels it. Only a
	 * pending approval changes, so a repeated event does nothing.
	 */
	public void instanceChanged(DingTalkEvent event) {
		String instanceId = DingTalkEvents.text(event.data(), "processInstanceId");
		String type = DingTalkEvents.text(event.data(), "type");
		String result = DingTalkEvents.text(event.data(), "result");
		String staff = DingTalkEvents.text(event.data(), "staffId");
		Optional<String> code = this.jdbc
			.queryForList("SELECT assist_code FROM approval WHERE instance_id = ? AND status = 'PENDING'", String.class,
					instanceId)
			.stream()
			.findFirst();
		if (code.isEmpty() || !(type.equals("finish") || type.equals("terminate"))) {
			return;
		}
		boolean agreed = type.equals("finish") && result.equals("agree");
		String status = agreed ? "AGREED" : type.equals("terminate") ? "TERMINATED" : "REFUSED";
		this.jdbc.update("UPDATE approval SET status = ?, decided_at = ?, decided_by = ? WHERE instance_id = ?", status,
				Timestamp.from(this.clock.instant()), staff, instanceId);
		String remark = this.jdbc.queryForObject("SELECT remark FROM approval WHERE instance_id = ?", String.class,
				instanceId);
		if (agreed) {
			approved(code.get());
		}
		else {
			this.jdbc.update("UPDATE assist_request SET status = 'CANCELLED' WHERE code = ?", code.get());
			String why = (remark == null || remark.isBlank()) ? "" : "，理由：" + remark;
			String verdict = type.equals("terminate") ? "审批已撤销" : "审批未通过";
			tellDispatcher(code.get(), "refused", "协查 " + code.get() + " " + verdict + why + "。协查已取消，未向群众发布。");
		}
		log.info("approval.decided code={} status={}", code.get(), status);
	}

	private void approved(String code) {
		List<String> circles = Arrays
			.stream(this.jdbc.queryForObject("SELECT circles FROM assist_request WHERE code = ?", String.class, code)
				.split(","))
			.filter((id) -> !id.isBlank())
			.toList();
		this.jdbc.update("UPDATE assist_request SET status = 'CREATED' WHERE code = ? AND status = 'PENDING_APPROVAL'",
				code);
		this.broadcasts.plan(new Broadcast(code, circles), commandGroup().orElse(null));
		tellDispatcher(code, "agreed", "协查 " + code + " 审批已同意，正在发往各圈子。");
	}

	private void tellDispatcher(String code, String what, String text) {
		String requestedBy = this.jdbc.queryForObject("SELECT requested_by FROM assist_request WHERE code = ?",
				String.class, code);
		this.outbox.toUsers("approval:" + code + ":" + what + ":originator", List.of(requestedBy),
				new MessageContent("审批送达", text));
		commandGroup().ifPresent(
				(group) -> this.outbox.reply("approval:" + code + ":" + what, group, new MessageContent("警铃", text)));
	}

	private Optional<ReplyChannel> commandGroup() {
		return this.directory.current()
			.commandGroupId()
			.map((group) -> new ReplyChannel(null, null, group, ConversationType.GROUP, null));
	}

}
