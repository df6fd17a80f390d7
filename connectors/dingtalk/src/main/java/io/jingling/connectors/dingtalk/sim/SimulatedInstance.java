package io.jingling.connectors.dingtalk.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

// One approval instance in the simulator: what started it, where it stands, and its history, written
// the way GET /v1.0/workflow/processInstances answers. Each named approver has a task; the first
// to decide completes the instance (an OR group) and the others' tasks are canceled. Guarded by
// SimulatedWorkflow's lock.
final class SimulatedInstance {

	// The workflow API writes times to the minute, in UTC.
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
		.withZone(ZoneOffset.UTC);

	private final String id;

	private final long sequence;

	private final String processCode;

	private final String originatorUserId;

	private final String deptId;

	private final String businessId;

	private final Map<String, String> fields;

	private final List<String> approvers;

	private final Instant createdAt;

	private final List<Operation> records = new ArrayList<>();

	private String status = "RUNNING";

	private String result;

	private String decidedBy;

	private Instant finishedAt;

	SimulatedInstance(long sequence, String businessId, String processCode, String originatorUserId, String deptId,
			Map<String, String> fields, List<String> approvers, Instant createdAt) {
		this.id = String.format("sim-pi-%06d", sequence);
		this.sequence = sequence;
		this.businessId = businessId;
		this.processCode = processCode;
		this.originatorUserId = originatorUserId;
		this.deptId = deptId;
		this.fields = new LinkedHashMap<>(fields);
		this.approvers = List.copyOf(approvers);
		this.createdAt = createdAt;
		this.records.add(new Operation(originatorUserId, createdAt, "START_PROCESS_INSTANCE", "NONE", null));
	}

	String id() {
		return this.id;
	}

	boolean running() {
		return this.status.equals("RUNNING");
	}

	// Approvers a request named; with none (the template's flow) anybody may decide.
	boolean mayDecide(String userId) {
		return this.approvers.isEmpty() || this.approvers.contains(userId);
	}

	void complete(String approverUserId, boolean agree, String remark, Instant at) {
		this.status = "COMPLETED";
		this.result = agree ? "agree" : "refuse";
		this.decidedBy = approverUserId;
		this.finishedAt = at;
		this.records.add(new Operation(approverUserId, at, "EXECUTE_TASK_NORMAL", agree ? "AGREE" : "REFUSE", remark));
	}

	// operatorUserId null: the system terminated it.
	void terminate(String operatorUserId, String remark, Instant at) {
		this.status = "TERMINATED";
		this.finishedAt = at;
		this.records.add(new Operation(operatorUserId, at, "TERMINATE_PROCESS_INSTANCE", "NONE", remark));
	}

	SimulatedApproval snapshot() {
		return new SimulatedApproval(this.id, this.processCode, this.originatorUserId,
				Collections.unmodifiableMap(new LinkedHashMap<>(this.fields)), this.approvers, this.status,
				this.result);
	}

	void write(ObjectNode out) {
		out.put("title", this.originatorUserId + "提交的" + this.processCode)
			.put("status", this.status)
			.put("businessId", this.businessId)
			.put("originatorUserId", this.originatorUserId)
			.put("originatorDeptId", this.deptId)
			.put("createTime", DATE.format(this.createdAt));
		if (this.result != null) {
			out.put("result", this.result);
		}
		if (this.finishedAt != null) {
			out.put("finishTime", DATE.format(this.finishedAt));
		}
		this.approvers.forEach(out.putArray("approverUserIds")::add);
		out.putArray("ccUserIds");
		ArrayNode values = out.putArray("formComponentValues");
		this.fields.forEach((name,
				value) -> values.addObject().put("name", name).put("value", value).put("componentType", "TextField"));
		ArrayNode operations = out.putArray("operationRecords");
		for (Operation operation : this.records) {
			ObjectNode record = operations.addObject();
			if (operation.userId() != null) {
				record.put("userId", operation.userId());
			}
			record.put("date", DATE.format(operation.at()))
				.put("type", operation.type())
				.put("result", operation.result());
			if (operation.remark() != null) {
				record.put("remark", operation.remark());
			}
		}
		ArrayNode tasks = out.putArray("tasks");
		for (int i = 0; i < this.approvers.size(); i++) {
			String approver = this.approvers.get(i);
			boolean decider = approver.equals(this.decidedBy);
			tasks.addObject()
				.put("taskId", this.sequence * 100 + i + 1)
				.put("userId", approver)
				.put("status", running() ? "RUNNING" : decider ? "COMPLETED" : "CANCELED")
				.put("result", decider ? this.result.toUpperCase() : "NONE");
		}
	}

	private record Operation(String userId, Instant at, String type, String result, String remark) {
	}

}
