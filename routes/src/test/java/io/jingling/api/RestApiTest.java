package io.jingling.api;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.directory.QuotaPolicy;
import io.jingling.security.ConsoleUsers;
import io.jingling.security.Role;
import io.jingling.support.ConsoleSession;
import io.jingling.support.Http;
import io.jingling.support.HubTest;
import io.jingling.support.MutableClock;
import io.jingling.support.PostedOrders;
import io.jingling.support.RobotCallbackSamples;
import io.jingling.support.TipFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The REST API by role: every endpoint refuses the unauthenticated (401) and the wrong
 * role (403); orders carry per-recipient read times; an officer sees only the orders sent
 * to them and the requests and tips they run; nobody sees an informant's platform id; a
 * dead letter is replayed once and the replay audited; the API is described at
 * {@code /v3/api-docs}.
 */
@HubTest
class RestApiTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String PASSWORD = "jingling-demo";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	DingTalkSimulator dingTalk;

	@Autowired
	ConsoleUsers users;

	/** An endpoint and the roles it lets in. */
	private record Door(String method, String path, Set<String> allowed) {
	}

	@Test
	void everyEndpointRefusesTheUnauthenticatedAndTheWrongRole() {
		this.users.create("api-viewer", PASSWORD, "统计员", null, Set.of(Role.VIEWER));
		this.users.create("api-identity", PASSWORD, "身份核查员", null, Set.of(Role.INFORMANT_IDENTITY));
		Set<String> all = Set.of("admin", "dispatcher", "officer", "viewer");
		List<Door> doors = List.of(new Door("GET", "/api/orders", all), new Door("GET", "/api/assist-requests", all),
				new Door("GET", "/api/circles", all), new Door("POST", "/api/assist-requests", Set.of("dispatcher")),
				new Door("GET", "/api/tips", Set.of("admin", "dispatcher", "officer")),
				new Door("GET", "/api/tips/tally", Set.of("admin", "dispatcher", "viewer")),
				new Door("POST", "/api/tips/XS-00000000-0000/rating", Set.of("dispatcher", "officer")),
				new Door("GET", "/api/dead-letters", Set.of("admin")),
				new Door("POST", "/api/dead-letters/0/replay", Set.of("admin")),
				new Door("GET", "/api/audit", Set.of("admin")),
				new Door("GET", "/api/config/versions", Set.of("admin")),
				new Door("POST", "/api/config/versions/rules/validate", Set.of("admin")),
				new Door("POST", "/api/informants/0/identity", Set.of("identity", "admin")));
		Map<String, ConsoleSession> sessions = Map.of("admin", ConsoleSession.login(this.port, "demo-admin", PASSWORD),
				"dispatcher", ConsoleSession.login(this.port, "demo-dispatcher", PASSWORD), "officer",
				ConsoleSession.login(this.port, "demo-officer", PASSWORD), "viewer",
				ConsoleSession.login(this.port, "api-viewer", PASSWORD), "identity",
				ConsoleSession.login(this.port, "api-identity", PASSWORD));
		ConsoleSession anonymous = ConsoleSession.anonymous(this.port);
		// as a browser would, it has a CSRF token: the refusal is for want of a login
		anonymous.page("/login");
		List<String> wrong = new ArrayList<>();
		for (Door door : doors) {
			if (call(anonymous, door) != 401) {
				wrong.add("anonymous " + door);
			}
			sessions.forEach((who, session) -> {
				int status = call(session, door);
				if ((status == 403) == door.allowed().contains(who)) {
					wrong.add(who + " got " + status + " on " + door);
				}
			});
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void ordersShowWhoHasReadAndAnOfficerSeesOnlyTheOrdersSentToThem() throws Exception {
		String mine = postOrder("msgApiOrderMine==", "警令 城关派出所 今晚 20:00 全员到岗");
		String theirs = postOrder("msgApiOrderTheirs==", "警令 城东派出所 今晚 21:00 卡点集合");

		ConsoleSession dispatcher = ConsoleSession.login(this.port, "demo-dispatcher", PASSWORD);
		JsonNode listed = JSON.readTree(dispatcher.get("/api/orders?limit=500").body());
		assertThat(codes(listed)).contains(mine, theirs);
		JsonNode detail = JSON.readTree(dispatcher.get("/api/orders/" + mine).body());
		assertThat(detail.path("summary").path("target").asText()).isEqualTo("城关派出所");
		assertThat(detail.path("summary").path("postedByName").asText()).isEqualTo("韩调度");
		assertThat(detail.path("content").asText()).isEqualTo("今晚 20:00 全员到岗");
		assertThat(detail.path("summary").path("read").asInt()).isZero();
		JsonNode timeline = JSON.readTree(dispatcher.get("/api/orders/" + mine + "/timeline").body());
		JsonNode zhang = null;
		for (JsonNode recipient : timeline.path("recipients")) {
			if (recipient.path("userId").asText().equals("officer01")) {
				zhang = recipient;
			}
		}
		assertThat(zhang).isNotNull();
		assertThat(zhang.path("name").asText()).isEqualTo("张伟");
		assertThat(zhang.path("readAt").isNull()).isTrue();
		assertThat(detail.path("summary").path("targets").asInt()).isEqualTo(timeline.path("recipients").size());
		assertThat(dispatcher.get("/api/orders/JL-20000101-001").statusCode()).isEqualTo(404);

		ConsoleSession officer = ConsoleSession.login(this.port, "demo-officer", PASSWORD);
		JsonNode own = JSON.readTree(officer.get("/api/orders?limit=500").body());
		assertThat(codes(own)).contains(mine).doesNotContain(theirs);
		assertThat(officer.get("/api/orders/" + mine).statusCode()).isEqualTo(200);
		assertThat(officer.get("/api/orders/" + theirs).statusCode()).isEqualTo(403);
		assertThat(officer.get("/api/orders/" + mine + "/timeline").statusCode()).isEqualTo(200);
		assertThat(officer.get("/api/orders/" + theirs + "/timeline").statusCode()).isEqualTo(403);

		JsonNode audit = JSON.readTree(ConsoleSession.login(this.port, "demo-admin", PASSWORD)
			.get("/api/audit?action=order_posted&limit=1000")
			.body());
		assertThat(audit.findValues("subject").stream().map(JsonNode::asText)).contains(mine, theirs);
		assertThat(audit.get(0).path("actor").asText()).isEqualTo("demo-dispatcher");
	}

	@Test
	void anOfficerSeesOnlyTheRequestsAndTipsTheyRunAndNobodySeesAPlatformId() throws Exception {
		long member = TipFixtures.requestsWithTips(this.jdbc, this.clock, "api-tips-1", "transport,rental",
				Map.of("XC-20261130-903", "officer01", "XC-20261130-904", "officer05"),
				Map.of("XS-20261130-9003", "XC-20261130-903", "XS-20261130-9004", "XC-20261130-904"));

		ConsoleSession officer = ConsoleSession.login(this.port, "demo-officer", PASSWORD);
		assertThat(codes(JSON.readTree(officer.get("/api/assist-requests?limit=500").body())))
			.contains("XC-20261130-903")
			.doesNotContain("XC-20261130-904");
		JsonNode request = JSON.readTree(officer.get("/api/assist-requests/XC-20261130-903").body());
		assertThat(request.path("summary").path("circles").toString()).isEqualTo("[\"交通运输圈\",\"房屋出租圈\"]");
		assertThat(request.path("summary").path("tips").asInt()).isEqualTo(1);
		assertThat(officer.get("/api/assist-requests/XC-20261130-904").statusCode()).isEqualTo(403);
		var tips = officer.get("/api/tips?limit=500");
		assertThat(codes(JSON.readTree(tips.body()))).contains("XS-20261130-9003").doesNotContain("XS-20261130-9004");

		ConsoleSession dispatcher = ConsoleSession.login(this.port, "demo-dispatcher", PASSWORD);
		var oneRequest = dispatcher.get("/api/tips?assistCode=XC-20261130-904");
		JsonNode tip = JSON.readTree(oneRequest.body());
		assertThat(codes(tip)).containsExactly("XS-20261130-9004");
		assertThat(tip.get(0).path("pseudonym").asText())
			.isEqualTo(this.jdbc.queryForObject("SELECT pseudonym FROM member WHERE id = ?", String.class, member));
		assertThat(tip.get(0).path("content").asText()).isEqualTo("车在城东加油站");
		for (var body : List.of(tips.body(), oneRequest.body())) {
			assertThat(body).doesNotContain("wmJLDemo", "1390000", "externalUserId", "phone");
		}
	}

	@Test
	void aDispatcherOpensAnAssistRequestThroughTheApiOncePerKey() throws Exception {
		ConsoleSession dispatcher = ConsoleSession.login(this.port, "demo-dispatcher", PASSWORD);
		String form = JSON.writeValueAsString(Map.of("circles", List.of("transport"), "content", "寻找灰色面包车，车尾有划痕",
				"caseOfficer", "officer01", "validityHours", 48));
		var opened = dispatcher.post("/api/assist-requests", form, Map.of("Idempotency-Key", "api-open-1"));
		assertThat(opened.statusCode()).isEqualTo(201);
		String code = JSON.readTree(opened.body()).path("code").asText();
		assertThat(code).matches("XC-\\d{8}-\\d{3}");
		assertThat(opened.headers().firstValue("Location")).contains("/api/assist-requests/" + code);
		assertThat(this.jdbc
			.queryForMap("SELECT circles, case_officer, requested_by FROM assist_request WHERE code = ?", code))
			.containsEntry("CIRCLES", "transport")
			.containsEntry("CASE_OFFICER", "officer01")
			.containsEntry("REQUESTED_BY", "demo-dispatcher");
		assertThat(JSON.readTree(opened.body()).path("status").asText()).isIn("BROADCAST", "COLLECTING");

		var again = dispatcher.post("/api/assist-requests", form, Map.of("Idempotency-Key", "api-open-1"));
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(JSON.readTree(again.body()).path("code").asText()).isEqualTo(code);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM assist_request a JOIN inbox_event i"
				+ " ON a.source_event_id = i.id WHERE i.platform_msg_id = 'api-open-1'", Integer.class))
			.isEqualTo(1);

		var none = dispatcher.post("/api/assist-requests",
				JSON.writeValueAsString(Map.of("circles", List.of(), "content", "x")), Map.of());
		assertThat(none.statusCode()).isEqualTo(400);
		var unknown = dispatcher.post("/api/assist-requests",
				JSON.writeValueAsString(Map.of("circles", List.of("nowhere"), "content", "x")), Map.of());
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(unknown.body()).path("detail").asText()).isEqualTo("没有这些圈子：nowhere");
	}

	@Test
	void aDeadLetterIsReplayedOnceAndTheReplayAudited() throws Exception {
		this.dingTalk.failNext(DingTalkSimulator.SESSION_REPLY, DingTalkSimulator.Failure.BAD_REQUEST, 1);
		String callback = RobotCallbackSamples.message("msgApiDeadLetter==", "demo-dispatcher", "帮助", this.clock);
		assertThat(
				new Http(this.port).post("/callbacks/dingtalk/robot", callback, RobotCallbackSamples.signed(this.clock))
					.statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter d JOIN outbox o ON o.id ="
					+ " d.outbox_id WHERE o.payload LIKE '%msgApiDeadLetter%'", Integer.class) == 1);
		long id = this.jdbc.queryForObject("SELECT d.id FROM dead_letter d JOIN outbox o ON o.id = d.outbox_id"
				+ " WHERE o.payload LIKE '%msgApiDeadLetter%'", Long.class);

		ConsoleSession admin = ConsoleSession.login(this.port, "demo-admin", PASSWORD);
		JsonNode letters = JSON.readTree(admin.get("/api/dead-letters?limit=500").body());
		JsonNode letter = null;
		for (JsonNode candidate : letters) {
			if (candidate.path("id").asLong() == id) {
				letter = candidate;
			}
		}
		assertThat(letter).isNotNull();
		assertThat(letter.path("operation").asText()).isEqualTo("REPLY");
		assertThat(letter.path("replayedAt").isNull()).isTrue();

		var replayed = admin.post("/api/dead-letters/" + id + "/replay", "{}");
		assertThat(replayed.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc
				.queryForObject(
						"SELECT o.status FROM dead_letter d JOIN outbox o ON o.id =" + " d.outbox_id WHERE d.id = ?",
						String.class, id)
				.equals("SENT"));
		assertThat(this.dingTalk.recorded(DingTalkSimulator.SESSION_REPLY)
			.stream()
			.filter((call) -> call.query().contains("msgApiDeadLetter"))
			.count()).isEqualTo(2);
		assertThat(admin.post("/api/dead-letters/" + id + "/replay", "{}").statusCode()).isEqualTo(409);
		assertThat(admin.post("/api/dead-letters/99999999/replay", "{}").statusCode()).isEqualTo(404);

		JsonNode audit = JSON.readTree(admin.get("/api/audit?action=DEAD_LETTER_REPLAY").body());
		assertThat(audit.get(0).path("actor").asText()).isEqualTo("demo-admin");
		assertThat(audit.get(0).path("subject").asText()).isEqualTo("死信 " + id);
		assertThat(JSON.readTree(admin.get("/api/audit?action=LOGIN&limit=1000").body())
			.findValues("actor")
			.stream()
			.map(JsonNode::asText)).contains("demo-admin");
		assertThat(admin.get("/api/audit?action=nothing").statusCode()).isEqualTo(400);
	}

	@Test
	void circlesShowWhatABroadcastWouldReachNowLeavingOutGroupsWithoutQuota() throws Exception {
		ConsoleSession dispatcher = ConsoleSession.login(this.port, "demo-dispatcher", PASSWORD);
		String hekou = "wrJLDemoTransportHekou01";
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of("Asia/Shanghai")));
		String period = QuotaPolicy.DAYS_IN_MONTH.period(today);
		String transportGroups = "chat_id LIKE 'wrJLDemoTransport%' AND period = ?";
		List<Map<String, Object>> used = this.jdbc
			.queryForList("SELECT * FROM group_quota_use WHERE " + transportGroups, period);
		this.jdbc.update("DELETE FROM group_quota_use WHERE " + transportGroups, period);
		try {
			JsonNode before = transport(dispatcher);
			assertThat(before.path("name").asText()).isEqualTo("交通运输圈");
			assertThat(before.path("groups").asInt()).isEqualTo(3);
			assertThat(before.path("tasks").asInt()).isEqualTo(2);
			assertThat(before.path("groupsWithoutQuota")).isEmpty();

			this.jdbc.update("INSERT INTO group_quota_use (chat_id, period, used) VALUES (?, ?, ?)", hekou, period,
					QuotaPolicy.DAYS_IN_MONTH.limit(today));
			JsonNode after = transport(dispatcher);
			assertThat(after.path("groupsWithoutQuota").toString()).isEqualTo("[\"河口客运协查群\"]");
			assertThat(after.path("tasks").asInt()).isEqualTo(1);
			int inHekou = this.jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE NOT opted_out AND chat_id = ?",
					Integer.class, hekou);
			List<Integer> counted = this.jdbc.queryForList("SELECT members FROM group_member_count WHERE chat_id = ?",
					Integer.class, hekou);
			assertThat(before.path("members").asInt() - after.path("members").asInt())
				.isEqualTo(counted.isEmpty() ? inHekou : counted.get(0));
			assertThat(after.toString()).doesNotContain("wmJLDemo", "liaison_", "externalUserId");
		}
		finally {
			this.jdbc.update("DELETE FROM group_quota_use WHERE " + transportGroups, period);
			used.forEach(
					(row) -> this.jdbc.update("INSERT INTO group_quota_use (chat_id, period, used) VALUES (?, ?, ?)",
							row.get("CHAT_ID"), row.get("PERIOD"), row.get("USED")));
		}
	}

	private static JsonNode transport(ConsoleSession session) throws Exception {
		var answer = session.get("/api/circles");
		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode circles = JSON.readTree(answer.body());
		assertThat(circles).hasSize(6);
		return circles.get(0);
	}

	@Test
	void theApiIsDescribedForSignedInUsers() throws Exception {
		var docs = ConsoleSession.login(this.port, "demo-dispatcher", PASSWORD).get("/v3/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(docs.body()).path("paths").fieldNames()).toIterable()
			.contains("/api/orders", "/api/orders/{code}", "/api/orders/{code}/timeline", "/api/assist-requests",
					"/api/tips", "/api/dead-letters", "/api/dead-letters/{id}/replay", "/api/audit",
					"/api/config/versions/{kind}", "/api/config/versions/rules/dry-run");
		assertThat(ConsoleSession.anonymous(this.port).get("/v3/api-docs").statusCode()).isNotEqualTo(200);
	}

	private String postOrder(String msgId, String text) {
		return PostedOrders.post(this.port, this.jdbc, this.clock, msgId, text);
	}

	private static List<String> codes(JsonNode list) {
		List<String> codes = new ArrayList<>();
		list.forEach((item) -> codes
			.add(item.has("summary") ? item.path("summary").path("code").asText() : item.path("code").asText()));
		return codes;
	}

	private static int call(ConsoleSession session, Door door) {
		return door.method().equals("GET") ? session.get(door.path()).statusCode()
				: session.post(door.path(), "{}").statusCode();
	}

}
