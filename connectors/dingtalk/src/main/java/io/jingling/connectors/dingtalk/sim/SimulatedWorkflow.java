package io.jingling.connectors.dingtalk.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

// Approvals (审批) on the v1.0 workflow API: start checks the request's shape as the service does,
// get tells status, result, history and tasks, terminate ends a running one. Nobody decides on
// their own: a test or scenario calls decide(..), as an approver would in the app, and the
// listener hears of it so it can push DingTalk's bpms events. Codes DingTalk does not document for
// a case are the simulator's choice: an unknown instance answers
// invalidParameter.processInstanceId.invalid, terminating a finished one
// invalidParameter.processInstance.notRunning.
final class SimulatedWorkflow {

	static final int MAX_FIELDS = 150;

	static final int MAX_APPROVER_GROUPS = 20;

	private static final Set<String> ACTION_TYPES = Set.of("AND", "OR", "NONE");

	// 审批编号: the day in China and a sequence.
	private static final DateTimeFormatter BUSINESS_DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final Clock clock;

	private final Map<String, SimulatedInstance> instances = new LinkedHashMap<>();

	private long nextSequence = 1;

	private volatile BiConsumer<SimulatedApproval, String> listener;

	SimulatedWorkflow(Clock clock) {
		this.clock = clock;
	}

	synchronized Answer start(JsonNode request) {
		Optional<Answer> refusal = refuseStart(request);
		if (refusal.isPresent()) {
			return refusal.get();
		}
		Map<String, String> fields = new LinkedHashMap<>();
		request.path("formComponentValues")
			.forEach((field) -> fields.put(field.path("name").asText(), field.path("value").asText()));
		List<String> approvers = new ArrayList<>();
		request.path("approvers")
			.forEach((group) -> group.path("userIds").forEach((userId) -> approvers.add(userId.asText())));
		long sequence = this.nextSequence++;
		Instant now = this.clock.instant();
		SimulatedInstance instance = new SimulatedInstance(sequence,
				BUSINESS_DAY.format(now) + String.format("%06d", sequence), request.path("processCode").asText(),
				request.path("originatorUserId").asText(), request.path("deptId").asText("-1"), fields, approvers, now);
		this.instances.put(instance.id(), instance);
		return Answer.ok(Answer.json().createObjectNode().put("instanceId", instance.id()));
	}

	synchronized Answer get(String processInstanceId) {
		SimulatedInstance instance = this.instances.get((processInstanceId != null) ? processInstanceId : "");
		if (instance == null) {
			return unknown();
		}
		ObjectNode answer = Answer.json().createObjectNode().put("success", "true");
		instance.write(answer.putObject("result"));
		return Answer.ok(answer);
	}

	synchronized Answer terminate(JsonNode request) {
		SimulatedInstance instance = this.instances.get(request.path("processInstanceId").asText(""));
		if (instance == null) {
			return unknown();
		}
		boolean bySystem = request.path("isSystem").asBoolean(false);
		String operator = request.path("operatingUserId").asText("");
		if (!bySystem && operator.isBlank()) {
			return Answer.error(400, "invalidParameter", "operatingUserId is required unless isSystem");
		}
		if (!instance.running()) {
			return Answer.error(400, "invalidParameter.processInstance.notRunning", "the instance is not running");
		}
		instance.terminate(bySystem ? null : operator, request.path("remark").asText(null), this.clock.instant());
		return Answer.ok(Answer.json().createObjectNode().put("success", true).put("result", true));
	}

	// The listener runs after the lock is released, so it may call the simulator back.
	void decide(String instanceId, String approverUserId, boolean agree, String remark) {
		SimulatedApproval decided;
		synchronized (this) {
			SimulatedInstance instance = this.instances.get(instanceId);
			if (instance == null) {
				throw new IllegalArgumentException("The simulator has no approval " + instanceId);
			}
			if (!instance.mayDecide(approverUserId)) {
				throw new IllegalArgumentException("Approval " + instanceId + " does not name " + approverUserId);
			}
			if (!instance.running()) {
				throw new IllegalStateException("Approval " + instanceId + " is no longer running");
			}
			instance.complete(approverUserId, agree, remark, this.clock.instant());
			decided = instance.snapshot();
		}
		BiConsumer<SimulatedApproval, String> heard = this.listener;
		if (heard != null) {
			heard.accept(decided, remark);
		}
	}

	void onDecided(BiConsumer<SimulatedApproval, String> listener) {
		this.listener = listener;
	}

	synchronized List<SimulatedApproval> approvals() {
		return this.instances.values().stream().map(SimulatedInstance::snapshot).toList();
	}

	synchronized void reset() {
		this.instances.clear();
	}

	private static Optional<Answer> refuseStart(JsonNode request) {
		String processCode = request.path("processCode").asText("");
		if (processCode.isBlank()) {
			return refuse("processCode is required");
		}
		if (!processCode.startsWith("PROC-")) {
			return Optional.of(Answer.error(400, "processCodeError", "processCode is not a template's"));
		}
		if (request.path("originatorUserId").asText("").isBlank()) {
			return refuse("originatorUserId is required");
		}
		JsonNode fields = request.path("formComponentValues");
		if (!fields.isArray() || fields.isEmpty() || fields.size() > MAX_FIELDS) {
			return refuse("formComponentValues takes 1 to " + MAX_FIELDS);
		}
		for (JsonNode field : fields) {
			if (field.path("name").asText("").isBlank() || !field.path("value").isTextual()) {
				return refuse("each formComponentValues entry needs a name and a string value");
			}
		}
		JsonNode approvers = request.path("approvers");
		if (approvers.isMissingNode() || approvers.isNull()) {
			return request.path("deptId").canConvertToLong() ? Optional.empty()
					: refuse("deptId is required without approvers");
		}
		if (!approvers.isArray() || approvers.isEmpty() || approvers.size() > MAX_APPROVER_GROUPS) {
			return refuse("approvers takes 1 to " + MAX_APPROVER_GROUPS);
		}
		for (JsonNode group : approvers) {
			if (!ACTION_TYPES.contains(group.path("actionType").asText("")) || !group.path("userIds").isArray()
					|| group.path("userIds").isEmpty()) {
				return refuse("each approvers entry needs actionType AND, OR or NONE and userIds");
			}
		}
		return Optional.empty();
	}

	private static Optional<Answer> refuse(String message) {
		return Optional.of(Answer.error(400, "invalidParameter", message));
	}

	private static Answer unknown() {
		return Answer.error(400, "invalidParameter.processInstanceId.invalid", "processInstanceId is invalid");
	}

}
