package io.jingling.connectors.dingtalk.sim;

import java.time.Clock;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

// The office APIs the simulator serves beside messaging: check-ins and attendance and logs on the
// old API, approvals on the v1.0 workflow API. Routes their paths to the state that answers them.
final class SimulatedOffice {

	static final Set<String> OAPI_PATHS = Set.of(DingTalkSimulator.CHECKINS, DingTalkSimulator.ATTENDANCE,
			DingTalkSimulator.REPORTS, DingTalkSimulator.REPORT_READERS, DingTalkSimulator.REPORT_RECEIVERS);

	private final SimulatedCheckins checkins = new SimulatedCheckins();

	private final SimulatedReports reports = new SimulatedReports();

	private final SimulatedWorkflow workflow;

	SimulatedOffice(Clock clock) {
		this.workflow = new SimulatedWorkflow(clock);
	}

	SimulatedCheckins checkins() {
		return this.checkins;
	}

	SimulatedReports reports() {
		return this.reports;
	}

	SimulatedWorkflow workflow() {
		return this.workflow;
	}

	// An old-API call whose token has been checked.
	Answer oapi(String path, JsonNode body) {
		return switch (path) {
			case DingTalkSimulator.CHECKINS -> this.checkins.checkins(body);
			case DingTalkSimulator.ATTENDANCE -> this.checkins.attendance(body);
			case DingTalkSimulator.REPORTS -> this.reports.list(body);
			case DingTalkSimulator.REPORT_READERS -> this.reports.readers(body);
			default -> this.reports.receivers(body);
		};
	}

	// A workflow call whose token has been checked: on APPROVALS, GET reads an instance
	// (processInstanceId in the query) and POST starts one.
	Answer workflow(String path, String method, JsonNode body, String processInstanceId) {
		if (path.equals(DingTalkSimulator.APPROVAL_TERMINATE)) {
			return this.workflow.terminate(body);
		}
		return method.equals("GET") ? this.workflow.get(processInstanceId) : this.workflow.start(body);
	}

	void reset() {
		this.checkins.reset();
		this.reports.reset();
		this.workflow.reset();
	}

}
