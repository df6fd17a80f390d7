package io.jingling.connectors.dingtalk.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jingling.connectors.dingtalk.sim.SimulatorHttp.Answered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DingTalkSimulatorReadsTest {

	private static final String APP_KEY = "dinghubtestappkey01";

	private static final String APP_SECRET = "hub-test-app-secret-0001";

	private static final String GROUP = "cidCmdGroup0001==";

	private static final String MARKDOWN = "\"msgKey\":\"sampleMarkdown\",\"msgParam\":\"{\\\"title\\\":\\\"t\\\",\\\"text\\\":\\\"m\\\"}\"";

	private static final TestClock clock = new TestClock(Instant.parse("2026-11-30T06:00:00Z"));

	private static DingTalkSimulator sim;

	private static SimulatorHttp http;

	private String token;

	@BeforeAll
	static void startSimulator() {
		sim = DingTalkSimulator.start(APP_KEY, APP_SECRET, APP_KEY, clock);
		http = new SimulatorHttp(sim, APP_KEY, APP_SECRET);
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@BeforeEach
	void resetSimulator() throws Exception {
		sim.reset();
		this.token = http.token();
	}

	@Test
	void aGroupMessageReachesTheMembersItHadWhenSent() throws Exception {
		sim.setGroupMembers(GROUP, List.of("officer001", "officer002"));
		sim.setReadingProfile(ReadingProfile.after(Duration.ofMinutes(1)));
		String key = sendToGroup();
		sim.setGroupMembers(GROUP, List.of("officer001", "officer002", "officer003"));
		clock.advance(Duration.ofMinutes(1));

		Answered reads = query("{\"robotCode\":\"" + APP_KEY + "\",\"openConversationId\":\"" + GROUP
				+ "\",\"processQueryKey\":\"" + key + "\",\"maxResults\":200}");

		assertThat(reads.status()).isEqualTo(200);
		assertThat(reads.json().get("sendStatus").asText()).isEqualTo("SUCCESS");
		assertThat(reads.json().get("readUserIds")).extracting(JsonNode::asText)
			.containsExactly("officer001", "officer002");
		assertThat(reads.json().get("readUsers").get(0).get("userId").asText()).isEqualTo("officer001");
		assertThat(reads.json().get("hasMore").asBoolean()).isFalse();
		assertThat(reads.json().has("nextToken")).isFalse();
	}

	@Test
	void pagesReadersOldestReadFirst() throws Exception {
		List<String> members = IntStream.rangeClosed(1, 5).mapToObj((i) -> "officer00" + i).toList();
		sim.setGroupMembers(GROUP, members);
		sim.setReadingProfile(ReadingProfile.of(Map.of("officer005", Duration.ofMinutes(1), "officer001",
				Duration.ofMinutes(2), "officer003", Duration.ofMinutes(3))));
		String key = sendToGroup();
		clock.advance(Duration.ofMinutes(3));

		Answered first = query(page(key, 2, null));
		Answered second = query(page(key, 2, first.json().get("nextToken").asText()));

		assertThat(first.json().get("readUserIds")).extracting(JsonNode::asText)
			.containsExactly("officer005", "officer001");
		assertThat(first.json().get("hasMore").asBoolean()).isTrue();
		assertThat(second.json().get("readUserIds")).extracting(JsonNode::asText).containsExactly("officer003");
		assertThat(second.json().get("hasMore").asBoolean()).isFalse();
	}

	@Test
	void validatesGroupQueriesLikeDingTalk() throws Exception {
		sim.setGroupMembers(GROUP, List.of("officer001"));
		String key = sendToGroup();

		assertThat(query(page(key, 201, null)).code()).isEqualTo("invalidParameter.pageSize.invalid");
		assertThat(query(page(key, 0, null)).code()).isEqualTo("invalidParameter.pageSize.invalid");
		assertThat(query(page(key, 200, "not-a-cursor")).code()).isEqualTo("invalidParameter.cursor.invalid");
		assertThat(query(page("pqk-never-sent", 200, null)).code()).isEqualTo("invalid.processQueryKey");
		assertThat(query(page("", 200, null)).code()).isEqualTo("invalidParameter.processQueryKey.missing");
		assertThat(query("{\"robotCode\":\"other-robot\",\"processQueryKey\":\"" + key + "\"}").code())
			.isEqualTo("invalidParameter.robotCode.auth");
		assertThat(query("{\"robotCode\":\"" + APP_KEY + "\",\"openConversationId\":\"cidOther\",\"processQueryKey\":\""
				+ key + "\"}")
			.code()).isEqualTo("invalid.openConversationId");
		Answered refused = http.post(DingTalkSimulator.QUERY_GROUP_READS, "made-up-token", page(key, 200, null));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("InvalidAuthentication");
	}

	@Test
	void markReadCountsAndRefusesWhatWasNeverSent() throws Exception {
		sim.setGroupMembers(GROUP, List.of("officer001", "officer002"));
		String key = sendToGroup();

		sim.markRead(key, "officer002");

		assertThat(query(page(key, 200, null)).json().get("readUserIds")).extracting(JsonNode::asText)
			.containsExactly("officer002");
		assertThatIllegalArgumentException().isThrownBy(() -> sim.markRead(key, "officer003"));
		assertThatIllegalArgumentException().isThrownBy(() -> sim.markRead("pqk-never-sent", "officer001"));
	}

	@Test
	void answersOneToOneReadStatusForADay() throws Exception {
		sim.setReadingProfile(ReadingProfile.of(Map.of("officer001", Duration.ofSeconds(90))));
		Instant sentAt = clock.instant();
		String key = http
			.post(DingTalkSimulator.SEND_USERS, this.token,
					"{\"robotCode\":\"" + APP_KEY + "\",\"userIds\":[\"officer001\",\"officer002\"]," + MARKDOWN + "}")
			.json()
			.get("processQueryKey")
			.asText();
		clock.advance(Duration.ofMinutes(2));

		Answered reads = userReads(key);
		assertThat(reads.status()).isEqualTo(200);
		assertThat(reads.json().get("sendStatus").asText()).isEqualTo("SUCCESS");
		JsonNode infos = reads.json().get("messageReadInfoList");
		assertThat(infos).hasSize(2);
		assertThat(infos.get(0).get("userId").asText()).isEqualTo("officer001");
		assertThat(infos.get(0).get("readStatus").asText()).isEqualTo("READ");
		assertThat(infos.get(0).get("readTimestamp").asLong()).isEqualTo(sentAt.plusSeconds(90).toEpochMilli());
		assertThat(infos.get(1).get("readStatus").asText()).isEqualTo("UNREAD");
		assertThat(infos.get(1).has("readTimestamp")).isFalse();

		clock.advance(Duration.ofHours(24));
		this.token = http.token(); // the old one lived two hours
		Answered expired = userReads(key);
		assertThat(expired.status()).isEqualTo(400);
		assertThat(expired.code()).isEqualTo("processQueryKey.expireTime");
		assertThat(get("?robotCode=" + APP_KEY + "&processQueryKey=" + sendToGroup()).code())
			.as("a group key is not a one-to-one key")
			.isEqualTo("invalid.processQueryKey");
	}

	@Test
	void recallsOnlyWhatTheCallMayRecall() throws Exception {
		String groupKey = sendToGroup();
		String usersKey = http
			.post(DingTalkSimulator.SEND_USERS, this.token,
					"{\"robotCode\":\"" + APP_KEY + "\",\"userIds\":[\"officer001\"]," + MARKDOWN + "}")
			.json()
			.get("processQueryKey")
			.asText();

		Answered group = http.post(DingTalkSimulator.RECALL_GROUP, this.token,
				"{\"robotCode\":\"" + APP_KEY + "\",\"openConversationId\":\"" + GROUP + "\",\"processQueryKeys\":[\""
						+ groupKey + "\",\"" + usersKey + "\"]}");
		Answered users = http.post(DingTalkSimulator.RECALL_USERS, this.token,
				"{\"robotCode\":\"" + APP_KEY + "\",\"processQueryKeys\":[\"" + usersKey + "\"]}");

		assertThat(group.status()).isEqualTo(200);
		assertThat(group.json().get("successResult")).extracting(JsonNode::asText).containsExactly(groupKey);
		assertThat(group.json().get("failedResult").get(usersKey).asText()).isEqualTo("invalid.processQueryKey");
		assertThat(users.json().get("successResult")).extracting(JsonNode::asText).containsExactly(usersKey);
		assertThat(query(page(groupKey, 200, null)).json().get("sendStatus").asText()).isEqualTo("RECALLED");
		assertThat(userReads(usersKey).json().get("sendStatus").asText()).isEqualTo("RECALLED");
		assertThat(http.post(DingTalkSimulator.RECALL_USERS, this.token, "{\"robotCode\":\"" + APP_KEY + "\"}").code())
			.isEqualTo("invalidParameter.processQueryKeys.missing");
	}

	@Test
	void listsMembersInPages() throws Exception {
		sim.setGroupMembers(GROUP, List.of("officer001", "officer002", "officer003"));

		Answered first = http.post(DingTalkSimulator.GROUP_MEMBERS, this.token,
				"{\"openConversationId\":\"" + GROUP + "\",\"maxResults\":2}");
		Answered second = http.post(DingTalkSimulator.GROUP_MEMBERS, this.token, "{\"openConversationId\":\"" + GROUP
				+ "\",\"maxResults\":2,\"nextToken\":\"" + first.json().get("nextToken").asText() + "\"}");

		assertThat(first.json().get("userIds")).extracting(JsonNode::asText)
			.containsExactly("officer001", "officer002");
		assertThat(first.json().get("hasMore").asBoolean()).isTrue();
		assertThat(second.json().get("userIds")).extracting(JsonNode::asText).containsExactly("officer003");
		assertThat(second.json().get("hasMore").asBoolean()).isFalse();
		assertThat(http
			.post(DingTalkSimulator.GROUP_MEMBERS, this.token,
					"{\"openConversationId\":\"" + GROUP + "\",\"maxResults\":1001}")
			.code()).isEqualTo("invalidParameter.pageSize.invalid");
	}

	@Test
	void clearJournalKeepsMessagesAndResetForgetsThem() throws Exception {
		sim.setGroupMembers(GROUP, List.of("officer001"));
		sim.setReadingProfile(ReadingProfile.after(Duration.ZERO));
		String key = sendToGroup();

		sim.clearJournal();
		assertThat(query(page(key, 200, null)).json().get("readUserIds")).hasSize(1);

		sim.reset();
		this.token = http.token();
		assertThat(query(page(key, 200, null)).code()).isEqualTo("invalid.processQueryKey");
		String after = sendToGroup();
		assertThat(query(page(after, 200, null)).json().get("readUserIds")).as("no members, default profile").isEmpty();
	}

	private String sendToGroup() throws Exception {
		return http
			.post(DingTalkSimulator.SEND_GROUP, this.token,
					"{\"robotCode\":\"" + APP_KEY + "\",\"openConversationId\":\"" + GROUP + "\"," + MARKDOWN + "}")
			.json()
			.get("processQueryKey")
			.asText();
	}

	private static String page(String key, int maxResults, String nextToken) {
		return "{\"robotCode\":\"" + APP_KEY + "\",\"openConversationId\":\"" + GROUP + "\",\"processQueryKey\":\""
				+ key + "\",\"maxResults\":" + maxResults
				+ ((nextToken != null) ? ",\"nextToken\":\"" + nextToken + "\"" : "") + "}";
	}

	private Answered query(String body) throws Exception {
		return http.post(DingTalkSimulator.QUERY_GROUP_READS, this.token, body);
	}

	private Answered userReads(String key) throws Exception {
		return get("?robotCode=" + APP_KEY + "&processQueryKey=" + key);
	}

	private Answered get(String query) throws Exception {
		return http.get(DingTalkSimulator.QUERY_USER_READS + query, this.token);
	}

}
