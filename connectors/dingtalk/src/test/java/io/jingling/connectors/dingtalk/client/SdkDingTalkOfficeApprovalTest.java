package io.jingling.connectors.dingtalk.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.TransientConnectorException;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator.Failure;
import io.jingling.connectors.dingtalk.sim.Recorded;
import io.jingling.connectors.dingtalk.sim.SimulatedApproval;
import io.jingling.connectors.dingtalk.sim.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdkDingTalkOfficeApprovalTest {

	private static final String APP_KEY = "dinghubtestappkey01";

	private static final String APP_SECRET = "hub-test-app-secret-0001";

	private static final String PROCESS = "PROC-XC-APPROVAL";

	private static final List<ApprovalField> FIELDS = List.of(new ApprovalField("协查编号", "XC-20261130-007"),
			new ApprovalField("发布圈子", "[\"司机圈\",\"旅馆网吧圈\"]"));

	private static final ApprovalRequest TO_TWO_LEADERS = new ApprovalRequest(PROCESS, "officer001", null, FIELDS,
			List.of("leader01", "leader02"));

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TestClock clock = new TestClock(Instant.parse("2026-11-30T06:00:00Z"));

	private static DingTalkSimulator sim;

	private SdkDingTalkClient client;

	private DingTalkOffice office;

	@BeforeAll
	static void startSimulator() {
		sim = DingTalkSimulator.start(APP_KEY, APP_SECRET, APP_KEY, clock);
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@BeforeEach
	void newClient() {
		sim.reset();
		URI url = sim.baseUrl();
		this.client = new SdkDingTalkClient(
				new DingTalkSettings(url, url, APP_KEY, APP_SECRET, APP_KEY, Duration.ofSeconds(2)), clock);
		this.office = this.client.office();
	}

	@Test
	void startsWithTheNamedApproversAsOneAnyOneGroup() throws Exception {
		String instanceId = this.office.startApproval(TO_TWO_LEADERS);

		assertThat(sim.recorded(DingTalkSimulator.APPROVALS)).singleElement().satisfies((start) -> {
			assertThat(start.method()).isEqualTo("POST");
			assertThat(start.headers().get("x-acs-dingtalk-access-token")).startsWith("sim-token-");
			assertThat(start.json()).isEqualTo(JSON.readTree("""
					{"originatorUserId":"officer001","processCode":"PROC-XC-APPROVAL",
					 "formComponentValues":[{"name":"协查编号","value":"XC-20261130-007"},
					                        {"name":"发布圈子","value":"[\\"司机圈\\",\\"旅馆网吧圈\\"]"}],
					 "approvers":[{"actionType":"OR","userIds":["leader01","leader02"]}]}
					"""));
		});
		assertThat(sim.approvals()).singleElement().satisfies((approval) -> {
			assertThat(approval.instanceId()).isEqualTo(instanceId);
			assertThat(approval.processCode()).isEqualTo(PROCESS);
			assertThat(approval.originatorUserId()).isEqualTo("officer001");
			assertThat(approval.fields()).containsExactly(Map.entry("协查编号", "XC-20261130-007"),
					Map.entry("发布圈子", "[\"司机圈\",\"旅馆网吧圈\"]"));
			assertThat(approval.approvers()).containsExactly("leader01", "leader02");
			assertThat(approval.status()).isEqualTo("RUNNING");
			assertThat(approval.result()).isNull();
		});
	}

	@Test
	void withoutApproversTheTemplateFlowNeedsTheDepartment() throws Exception {
		this.office.startApproval(new ApprovalRequest(PROCESS, "officer001", -1L, FIELDS, List.of()));

		assertThat(sim.recorded(DingTalkSimulator.APPROVALS).get(0).json()).isEqualTo(JSON.readTree("""
				{"originatorUserId":"officer001","processCode":"PROC-XC-APPROVAL","deptId":-1,
				 "formComponentValues":[{"name":"协查编号","value":"XC-20261130-007"},
				                        {"name":"发布圈子","value":"[\\"司机圈\\",\\"旅馆网吧圈\\"]"}]}
				"""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApprovalRequest(PROCESS, "officer001", null, FIELDS, List.of()))
			.withMessageContaining("deptId");
	}

	@Test
	void readsARunningApprovalThenTheDecision() {
		String instanceId = this.office.startApproval(TO_TWO_LEADERS);

		ApprovalInstance running = this.office.approval(instanceId);
		clock.advance(Duration.ofMinutes(5));
		sim.decideApproval(instanceId, "leader02", true, "同意发布");
		ApprovalInstance decided = this.office.approval(instanceId);

		assertThat(running.instanceId()).isEqualTo(instanceId);
		assertThat(running.status()).isEqualTo("RUNNING");
		assertThat(running.result()).isNull();
		assertThat(running.approved()).isFalse();
		assertThat(running.businessId()).startsWith("20261130");
		assertThat(running.records()).singleElement()
			.isEqualTo(new ApprovalRecord("officer001", Instant.parse("2026-11-30T06:00:00Z"), "START_PROCESS_INSTANCE",
					"NONE", null));
		assertThat(decided.status()).isEqualTo("COMPLETED");
		assertThat(decided.result()).isEqualTo("agree");
		assertThat(decided.approved()).isTrue();
		assertThat(decided.records()).hasSize(2)
			.last()
			.isEqualTo(new ApprovalRecord("leader02", Instant.parse("2026-11-30T06:05:00Z"), "EXECUTE_TASK_NORMAL",
					"AGREE", "同意发布"));
		assertThat(sim.recorded(DingTalkSimulator.APPROVALS)).extracting(Recorded::method)
			.containsExactly("POST", "GET", "GET");
		assertThat(sim.recorded(DingTalkSimulator.APPROVALS).get(1).query())
			.isEqualTo("processInstanceId=" + instanceId);
	}

	@Test
	void aRefusalIsCompletedButNotApproved() {
		String instanceId = this.office.startApproval(TO_TWO_LEADERS);
		sim.decideApproval(instanceId, "leader01", false, "线索不足");

		ApprovalInstance refused = this.office.approval(instanceId);

		assertThat(refused.status()).isEqualTo("COMPLETED");
		assertThat(refused.result()).isEqualTo("refuse");
		assertThat(refused.approved()).isFalse();
		assertThat(refused.records().get(1).result()).isEqualTo("REFUSE");
	}

	@Test
	void terminatesAsTheOperatorOrAsTheSystem() throws Exception {
		String byOfficer = this.office.startApproval(TO_TWO_LEADERS);
		String bySystem = this.office.startApproval(TO_TWO_LEADERS);

		this.office.terminateApproval(byOfficer, "officer001", "协查已撤回");
		this.office.terminateApproval(bySystem, null, null);

		assertThat(sim.recorded(DingTalkSimulator.APPROVAL_TERMINATE)).extracting(Recorded::json)
			.containsExactly(
					JSON.readTree("{\"processInstanceId\":\"" + byOfficer
							+ "\",\"isSystem\":false,\"remark\":\"协查已撤回\",\"operatingUserId\":\"officer001\"}"),
					JSON.readTree("{\"processInstanceId\":\"" + bySystem + "\",\"isSystem\":true}"));
		assertThat(sim.approvals()).extracting(SimulatedApproval::status).containsExactly("TERMINATED", "TERMINATED");
		ApprovalInstance terminated = this.office.approval(byOfficer);
		assertThat(terminated.status()).isEqualTo("TERMINATED");
		assertThat(terminated.result()).isNull();
		assertThat(terminated.records()).last()
			.isEqualTo(
					new ApprovalRecord("officer001", clock.instant(), "TERMINATE_PROCESS_INSTANCE", "NONE", "协查已撤回"));
	}

	@Test
	void terminatingAFinishedApprovalIsPermanent() {
		String instanceId = this.office.startApproval(TO_TWO_LEADERS);
		sim.decideApproval(instanceId, "leader01", true, null);

		assertThatThrownBy(() -> this.office.terminateApproval(instanceId, "officer001", null)).isInstanceOfSatisfying(
				PermanentConnectorException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("invalidParameter.processInstance.notRunning"));
		assertThat(sim.approvals().get(0).status()).isEqualTo("COMPLETED");
	}

	@Test
	void mapsWorkflowErrors() {
		assertThatThrownBy(() -> this.office
			.startApproval(new ApprovalRequest("XC-APPROVAL", "officer001", -1L, FIELDS, List.of())))
			.isInstanceOfSatisfying(PermanentConnectorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("processCodeError"));
		assertThatThrownBy(() -> this.office.approval("pi-unknown")).isInstanceOfSatisfying(
				PermanentConnectorException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("invalidParameter.processInstanceId.invalid"));
		sim.failNext(DingTalkSimulator.APPROVALS, Failure.THROTTLED, 1);
		assertThatThrownBy(() -> this.office.startApproval(TO_TWO_LEADERS)).isInstanceOfSatisfying(
				ThrottledConnectorException.class, (ex) -> assertThat(ex.backoff()).isEqualTo(Duration.ofSeconds(1)));
		sim.failNext(DingTalkSimulator.APPROVAL_TERMINATE, Failure.BUSY, 1);
		assertThatThrownBy(() -> this.office.terminateApproval("pi-any", "officer001", null))
			.isInstanceOfSatisfying(TransientConnectorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("system.error"))
			.isNotInstanceOf(ThrottledConnectorException.class);
		assertThat(sim.approvals()).as("nothing started by a refused call").isEmpty();
	}

	@Test
	void sharesTheMessagingClientsTokenAndRefreshesItOnce() {
		this.client.groupMembers("cidCmdGroup0001==");
		String instanceId = this.office.startApproval(TO_TWO_LEADERS);
		sim.expireTokens();

		assertThat(this.office.approval(instanceId).status()).isEqualTo("RUNNING");

		assertThat(this.client.office()).isSameAs(this.office);
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).as("one token for messages and office, then one refresh")
			.hasSize(2);
		List<String> tokens = sim.recorded(DingTalkSimulator.APPROVALS)
			.stream()
			.map((call) -> call.headers().get("x-acs-dingtalk-access-token"))
			.toList();
		assertThat(tokens).hasSize(3);
		assertThat(tokens.get(0)).isEqualTo(
				sim.recorded(DingTalkSimulator.GROUP_MEMBERS).get(0).headers().get("x-acs-dingtalk-access-token"));
		assertThat(tokens.get(1)).as("the expired token, refused").isEqualTo(tokens.get(0));
		assertThat(tokens.get(2)).isNotEqualTo(tokens.get(1));
	}

	@Test
	void requestsCheckTheirLimitsAndHideTheirValues() {
		List<ApprovalField> tooMany = IntStream.rangeClosed(1, ApprovalRequest.MAX_FIELDS + 1)
			.mapToObj((i) -> new ApprovalField("字段" + i, "值"))
			.toList();
		List<String> approvers = IntStream.rangeClosed(1, ApprovalRequest.MAX_APPROVERS + 1)
			.mapToObj((i) -> "leader" + i)
			.toList();

		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApprovalRequest(PROCESS, "officer001", -1L, tooMany, List.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApprovalRequest(PROCESS, "officer001", -1L, List.of(), List.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApprovalRequest(PROCESS, "officer001", null, FIELDS, approvers));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApprovalRequest(" ", "officer001", -1L, FIELDS, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new ApprovalField(" ", "值"));
		assertThat(TO_TWO_LEADERS).asString()
			.contains("fields=2", "approvers=2")
			.doesNotContain("XC-20261130-007", "leader01", "officer001");
		assertThat(new ApprovalRecord("leader01", null, "EXECUTE_TASK_NORMAL", "AGREE", "同意")).asString()
			.doesNotContain("leader01", "同意");
	}

	@Test
	void keepsUserIdsFormValuesAndRemarksOutOfTheLog() {
		Logger logger = (Logger) LoggerFactory.getLogger("io.jingling");
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		logger.addAppender(log);
		try {
			String instanceId = this.office.startApproval(TO_TWO_LEADERS);
			sim.decideApproval(instanceId, "leader01", true, "同意发布");
			this.office.approval(instanceId);
			sim.failNext(DingTalkSimulator.APPROVAL_TERMINATE, Failure.BAD_REQUEST, 1);
			assertThatThrownBy(() -> this.office.terminateApproval(instanceId, "officer001", "撤回"))
				.isInstanceOf(PermanentConnectorException.class);
		}
		finally {
			logger.detachAppender(log);
		}

		List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		assertThat(lines).anyMatch((line) -> line.startsWith("dingtalk.approval started processCode=PROC-XC-APPROVAL"))
			.anyMatch((line) -> line.startsWith("dingtalk.call failed operation=approval terminate"))
			.noneMatch((line) -> line.contains("officer001") || line.contains("leader01"))
			.noneMatch((line) -> line.contains("XC-20261130-007") || line.contains("同意") || line.contains("撤回"));
	}

}
