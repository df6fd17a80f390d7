package io.jingling.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.jingling.connectors.dingtalk.sim.DingTalkEventSender;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.SimulatedApproval;
import io.jingling.dingtalk.DingTalkProperties;
import io.jingling.dingtalk.EventCallbackProperties;
import io.jingling.duty.DutyBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * The demo bureau's morning, for the embedded run: on-duty officers check in (one of them
 * outside the geofence), two submit their duty logs, and the dispatcher posts a
 * county-wide assist request that waits for approval until the simulated leader agrees a
 * little later. Everything reaches the hub through its real callbacks, signed and
 * encrypted by the simulator.
 */
class DemoMorning {

	private static final Logger log = LoggerFactory.getLogger(DemoMorning.class);

	/** Plays of the scenario (5 s apart) an approval waits before the leader agrees. */
	private static final int PLAYS_BEFORE_AGREEING = 6;

	private final DingTalkSimulator dingTalk;

	private final DutyBoard duty;

	private final DingTalkProperties dingTalkProperties;

	private final EventCallbackProperties callback;

	private final Clock clock;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Map<String, Integer> waiting = new ConcurrentHashMap<>();

	private volatile DingTalkEventSender events;

	private volatile int port;

	DemoMorning(DingTalkSimulator dingTalk, DutyBoard duty, DingTalkProperties dingTalkProperties,
			EventCallbackProperties callback, Clock clock) {
		this.dingTalk = dingTalk;
		this.duty = duty;
		this.dingTalkProperties = dingTalkProperties;
		this.callback = callback;
		this.clock = clock;
	}

	@EventListener(WebServerInitializedEvent.class)
	void serverStarted(WebServerInitializedEvent event) {
		this.port = event.getWebServer().getPort();
		this.events = new DingTalkEventSender(
				URI.create("http://127.0.0.1:" + this.port + "/callbacks/dingtalk/events"), this.callback.token(),
				this.callback.aesKey(), this.callback.ownerKey(), "dingcorpjinglingdemo", this.clock);
		this.dingTalk.onApprovalDecided(this::decided);
	}

	/** The morning happens on the first play; later plays let the leader decide. */
	public void play() {
		if (this.events == null) {
			return;
		}
		if (this.waiting.putIfAbsent("morning", 0) == null) {
			morning();
		}
		for (SimulatedApproval approval : this.dingTalk.approvals()) {
			if ("RUNNING".equals(approval.status())
					&& this.waiting.merge(approval.instanceId(), 1, Integer::sum) == PLAYS_BEFORE_AGREEING) {
				String leader = approval.approvers().isEmpty() ? "leader01" : approval.approvers().get(0);
				this.dingTalk.decideApproval(approval.instanceId(), leader, true, "同意发布");
			}
		}
	}

	private void morning() {
		Instant now = this.clock.instant();
		List<String> onDuty = this.duty.onDuty();
		for (int i = 0; i < onDuty.size(); i++) {
			if (i % 5 == 4) {
				continue;
			}
			boolean outside = i == 2;
			this.events.send("attendance_check_record",
					Map.of("dataList", List.of(Map.of("userId", onDuty.get(i), "checkTime",
							now.toEpochMilli() - 60_000L * (onDuty.size() - i), "address", outside ? "城东加油站" : "派出所",
							"locationResult", outside ? "Outside" : "Normal", "checkByUser", true))));
		}
		this.dingTalk.addReport("值班日志", "officer01", "张伟", now, List.of("demo-dispatcher", "officer04"),
				Map.of("今日工作", "城关片区夜巡，无异常", "明日计划", "配合城东卡点"));
		this.dingTalk.addReport("值班日志", "officer05", "陈静", now, List.of("demo-dispatcher", "officer07"),
				Map.of("今日工作", "城东卡点值守，查验车辆 42 辆"));
		postAssistRequest("协查 全部 寻找走失老人，男，70 岁，穿蓝色外套，最后出现在城东菜市场");
		log.info("sandbox.morning played checkins={} logs=2 assist=全部", onDuty.size() - onDuty.size() / 5);
	}

	private void decided(SimulatedApproval approval, String remark) {
		this.events.send("bpms_task_change",
				Map.of("processInstanceId", approval.instanceId(), "processCode", approval.processCode(), "taskId",
						90001, "type", "finish", "result", approval.result(), "staffId",
						approval.approvers().isEmpty() ? "leader01" : approval.approvers().get(0), "remark", remark));
		this.events.send("bpms_instance_change",
				Map.of("processInstanceId", approval.instanceId(), "processCode", approval.processCode(), "type",
						"finish", "result", approval.result(), "staffId", approval.originatorUserId()));
	}

	private void postAssistRequest(String text) {
		long timestamp = this.clock.millis();
		String secret = this.dingTalkProperties.appSecret();
		String body = """
				{"msgtype":"text","text":{"content":" %s"},"msgId":"msgDemoMorningAssist%d==","createAt":%d,
				"conversationType":"2","conversationId":"cidJinglingDemoCommand==","conversationTitle":"指挥中心",
				"senderId":"$:LWCP_v1:$demoDispatcherSender","senderNick":"韩调度","senderStaffId":"demo-dispatcher",
				"isInAtList":true,"robotCode":"%s"}""".formatted(text, timestamp, timestamp,
				this.dingTalkProperties.robotCode());
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String sign = Base64.getEncoder()
				.encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/callbacks/dingtalk/robot"))
					.header("Content-Type", "application/json; charset=utf-8")
					.header("timestamp", String.valueOf(timestamp))
					.header("sign", sign)
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			log.info("sandbox.morning assist posted status={}", response.statusCode());
		}
		catch (Exception ex) {
			log.warn("sandbox.morning assist not posted: {}", ex.toString());
		}
	}

}
