package io.jingling.directory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.support.ConsoleSession;
import io.jingling.support.HubTest;
import io.jingling.support.FileLines;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The circles are a versioned config: an edit that names an unknown circle, officer or
 * group owner, or repeats an alias, is refused with the line and the reason and changes
 * nothing; a good edit applies at once without a restart, keeps a group WeCom dismissed
 * dismissed, and rolls back.
 */
@HubTest
class CirclesConfigTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String NEW_GROUP = "      - { chat-id: wrJLDemoTransportQingshan01, name: 青山客运协查群, township: 青山镇, owner: liaison_transport_02 }\n";

	@LocalServerPort
	int port;

	@Autowired
	DirectoryStore directory;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void badEditsAreRefusedWithLineAndReasonAndChangeNothing() throws Exception {
		ConsoleSession admin = ConsoleSession.login(this.port, "demo-admin", "jingling-demo");
		String file = Files.readString(Path.of("../config/circles.yaml"));
		int active = active(admin);
		List<CustomerGroup> before = this.directory.current().customerGroupsOf(Circles.IDS);

		assertRefused(admin, file.replace("dingtalk-user-id: officer22", "dingtalk-user-id: officer99"),
				"config/circles.yaml, line " + FileLines.lineOf(file, "dingtalk-user-id: officer22"),
				"钉钉用户 officer99 不在本局民警名单里");
		assertRefused(admin,
				file.replace("township: 城东镇, owner: liaison_transport_01", "township: 城东镇, owner: liaison_rental_01"),
				"config/circles.yaml, line " + FileLines.lineOf(file, "wrJLDemoTransportChengdong01"),
				"群主 liaison_rental_01 不是圈子 transport 的联络员");
		assertRefused(admin, file.replace("name: 房屋出租圈", "name: \"\""),
				"config/circles.yaml, line " + FileLines.lineOf(file, "id: rental"), "圈子 rental 缺少 name");
		assertRefused(admin, file.replace("id: village", "id: villages"),
				"config/circles.yaml, line " + FileLines.lineOf(file, "id: village"), "未知的圈子 id「villages」");
		assertRefused(admin, file.replace("aliases: [回收, 维修, 金银, 二手回收]", "aliases: [回收, 维修, 金银, 交通]"),
				"config/circles.yaml, line " + FileLines.lineOf(file, "aliases: [回收, 维修, 金银, 二手回收]"),
				"「交通」同时属于 transport 和 recycling");
		assertRefused(admin, file.replace("chat-id: wrJLDemoRentalChengguan01", "chat_id: wrJLDemoRentalChengguan01"),
				"config/circles.yaml, line " + FileLines.lineOf(file, "chat-id: wrJLDemoRentalChengguan01"),
				"未知的键「chat_id」");

		String village = file.substring(file.indexOf("    liaisons:\n      - { wecom-user-id: liaison_village_01"));
		var withoutGroups = admin.post("/api/config/versions/circles/validate",
				JSON.writeValueAsString(Map.of("content", file.replace(village, ""))));
		assertThat(withoutGroups.statusCode()).as("a circle with no liaisons or groups yet").isEqualTo(200);

		assertThat(active(admin)).isEqualTo(active);
		assertThat(this.directory.current().customerGroupsOf(Circles.IDS)).isEqualTo(before);
	}

	@Test
	void aGoodEditAppliesAtOnceKeepsDismissedGroupsAndRollsBack() throws Exception {
		ConsoleSession admin = ConsoleSession.login(this.port, "demo-admin", "jingling-demo");
		String file = Files.readString(Path.of("../config/circles.yaml"));
		int before = active(admin);
		this.directory.dismiss("wrJLDemoMerchantsChengdong01");
		String anchor = "      - { chat-id: wrJLDemoTransportHekou01";
		String edited = file.replace(anchor, NEW_GROUP + anchor);
		try {
			var saved = admin.post("/api/config/versions/circles",
					JSON.writeValueAsString(Map.of("content", edited, "reason", "青山镇客运群加入交通运输圈")));
			assertThat(saved.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(saved.body()).path("diff").asText()).contains("+ ", "wrJLDemoTransportQingshan01");

			assertThat(this.directory.current().customerGroupsOf(List.of("transport")))
				.extracting(CustomerGroup::chatId)
				.containsExactly("wrJLDemoTransportChengguan01", "wrJLDemoTransportChengdong01",
						"wrJLDemoTransportQingshan01", "wrJLDemoTransportHekou01");
			assertThat(this.directory.current().customerGroupsOf(List.of("merchants")))
				.extracting(CustomerGroup::chatId)
				.doesNotContain("wrJLDemoMerchantsChengdong01");

			var rolledBack = admin.post("/api/config/versions/circles/rollback",
					JSON.writeValueAsString(Map.of("version", before, "reason", "撤回新增的群")));
			assertThat(rolledBack.statusCode()).isEqualTo(200);
			assertThat(this.directory.current().customerGroupsOf(List.of("transport")))
				.extracting(CustomerGroup::chatId)
				.doesNotContain("wrJLDemoTransportQingshan01");
		}
		finally {
			this.jdbc.update("UPDATE customer_group SET dismissed = FALSE WHERE chat_id = ?",
					"wrJLDemoMerchantsChengdong01");
			this.directory.load();
		}
	}

	private static void assertRefused(ConsoleSession admin, String content, String where, String reason)
			throws Exception {
		var refused = admin.post("/api/config/versions/circles",
				JSON.writeValueAsString(Map.of("content", content, "reason", "试一下")));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(JSON.readTree(refused.body()).path("detail").asText()).startsWith(where).contains(reason);
	}

	private static int active(ConsoleSession admin) throws Exception {
		for (JsonNode kind : JSON.readTree(admin.get("/api/config/versions").body())) {
			if (kind.path("kind").asText().equals("circles")) {
				return kind.path("active").asInt();
			}
		}
		throw new AssertionError("no circles kind");
	}

}
