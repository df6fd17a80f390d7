package io.jingling.connectors.dingtalk.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jingling.connectors.PermanentConnectorException;
import io.jingling.connectors.ThrottledConnectorException;
import io.jingling.connectors.TransientConnectorException;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator.Failure;
import io.jingling.connectors.dingtalk.sim.ReadingProfile;
import io.jingling.connectors.dingtalk.sim.Recorded;
import io.jingling.connectors.dingtalk.sim.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdkDingTalkClientReadsTest {

	private static final String APP_KEY = "dinghubtestappkey01";

	private static final String APP_SECRET = "hub-test-app-secret-0001";

	private static final String DUTY_GROUP = "cidCmdGroup0001==";

	private static final MessageContent ORDER = new MessageContent("警令", "#### 警令 JL-20261130-003");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TestClock clock = new TestClock(Instant.parse("2026-11-30T06:00:00Z"));

	private static DingTalkSimulator sim;

	private SdkDingTalkClient client;

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
	}

	@Test
	void asksForGroupReadersWithTheKeyAndTheLargestPage() throws Exception {
		sim.setGroupMembers(DUTY_GROUP, List.of("officer001", "officer002", "officer003"));
		sim.setReadingProfile(ReadingProfile.of(Map.of("officer001", Duration.ofMinutes(1))));
		String key = this.client.sendToGroup(new GroupMessage(DUTY_GROUP, ORDER)).processQueryKey();
		clock.advance(Duration.ofMinutes(2));

		GroupReads reads = this.client.groupReads(DUTY_GROUP, key);

		assertThat(reads.sendStatus()).isEqualTo("SUCCESS");
		assertThat(reads.readUserIds()).containsExactly("officer001");
		assertThat(sim.recorded(DingTalkSimulator.QUERY_GROUP_READS)).singleElement().satisfies((query) -> {
			assertThat(query.method()).isEqualTo("POST");
			assertThat(query.headers().get("x-acs-dingtalk-access-token")).startsWith("sim-token-");
			assertThat(query.json())
				.isEqualTo(JSON.readTree("{\"robotCode\":\"" + APP_KEY + "\",\"openConversationId\":\"" + DUTY_GROUP
						+ "\",\"processQueryKey\":\"" + key + "\",\"maxResults\":200}"));
		});
	}

	@Test
	void followsNextTokenAcrossMoreThanTwoHundredReaders() {
		List<String> members = IntStream.rangeClosed(1, 450).mapToObj((i) -> "officer%03d".formatted(i)).toList();
		sim.setGroupMembers(DUTY_GROUP, members);
		sim.setReadingProfile(ReadingProfile.after(Duration.ofMinutes(1)));
		String key = this.client.sendToGroup(new GroupMessage(DUTY_GROUP, ORDER)).processQueryKey();
		clock.advance(Duration.ofMinutes(1));

		GroupReads reads = this.client.groupReads(DUTY_GROUP, key);

		assertThat(reads.readUserIds()).hasSize(450).containsAll(members);
		List<Recorded> pages = sim.recorded(DingTalkSimulator.QUERY_GROUP_READS);
		assertThat(pages).extracting((page) -> page.json().path("nextToken").asText(null))
			.containsExactly(null, "200", "400");
		assertThat(pages).allSatisfy((page) -> assertThat(page.json().get("maxResults").asInt()).isEqualTo(200));
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).as("one token for all pages").hasSize(1);
	}

	@Test
	void readersGrowAsTheClockMoves() {
		sim.setGroupMembers(DUTY_GROUP, List.of("officer001", "officer002", "officer003"));
		sim.setReadingProfile(
				ReadingProfile.of(Map.of("officer001", Duration.ofMinutes(1), "officer002", Duration.ofMinutes(30))));
		String key = this.client.sendToGroup(new GroupMessage(DUTY_GROUP, ORDER)).processQueryKey();

		assertThat(this.client.groupReads(DUTY_GROUP, key).readUserIds()).isEmpty();
		clock.advance(Duration.ofMinutes(1));
		assertThat(this.client.groupReads(DUTY_GROUP, key).readUserIds()).containsExactly("officer001");
		clock.advance(Duration.ofMinutes(29));
		assertThat(this.client.groupReads(DUTY_GROUP, key).readUserIds()).containsExactlyInAnyOrder("officer001",
				"officer002");
		clock.advance(Duration.ofDays(1));
		assertThat(this.client.groupReads(DUTY_GROUP, key).readUserIds()).as("officer003 never reads")
			.containsExactlyInAnyOrder("officer001", "officer002");
	}

	@Test
	void recallFlipsTheGroupMessagesStatus() throws Exception {
		sim.setGroupMembers(DUTY_GROUP, List.of("officer001", "officer002"));
		sim.setReadingProfile(
				ReadingProfile.of(Map.of("officer001", Duration.ofMinutes(1), "officer002", Duration.ofMinutes(10))));
		String key = this.client.sendToGroup(new GroupMessage(DUTY_GROUP, ORDER)).processQueryKey();
		clock.advance(Duration.ofMinutes(5));

		this.client.recallGroupMessage(DUTY_GROUP, key);
		clock.advance(Duration.ofMinutes(10));

		GroupReads reads = this.client.groupReads(DUTY_GROUP, key);
		assertThat(reads.sendStatus()).isEqualTo("RECALLED");
		assertThat(reads.readUserIds()).as("nobody reads a recalled message").containsExactly("officer001");
		assertThat(sim.recorded(DingTalkSimulator.RECALL_GROUP)).singleElement()
			.extracting(Recorded::json)
			.isEqualTo(JSON.readTree("{\"robotCode\":\"" + APP_KEY + "\",\"openConversationId\":\"" + DUTY_GROUP
					+ "\",\"processQueryKeys\":[\"" + key + "\"]}"));
	}

	@Test
	void refusedRecallIsPermanentWithTheReasonAsCode() {
		assertThatThrownBy(() -> this.client.recallGroupMessage(DUTY_GROUP, "pqk-never-sent")).isInstanceOfSatisfying(
				PermanentConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("invalid.processQueryKey"));
		assertThatThrownBy(() -> this.client.recallUserMessage("pqk-never-sent")).isInstanceOfSatisfying(
				PermanentConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("invalid.processQueryKey"));
		assertThat(sim.recorded(DingTalkSimulator.RECALL_USERS)).hasSize(1);
	}

	@Test
	void unknownGroupKeyIsPermanent() {
		assertThatThrownBy(() -> this.client.groupReads(DUTY_GROUP, "pqk-never-sent")).isInstanceOfSatisfying(
				PermanentConnectorException.class, (ex) -> assertThat(ex.code()).isEqualTo("invalid.processQueryKey"));
	}

	@Test
	void readsOneToOneMessagesWithTheirTimes() {
		sim.setReadingProfile(ReadingProfile.of(Map.of("officer002", Duration.ofMinutes(3))));
		Instant sentAt = clock.instant();
		String key = this.client.sendToUsers(new UserMessage(List.of("officer002", "officer003"), ORDER))
			.processQueryKey();
		clock.advance(Duration.ofMinutes(4));

		UserReads reads = this.client.userReads(key);

		assertThat(reads.sendStatus()).isEqualTo("SUCCESS");
		assertThat(reads.readAt()).containsExactly(Map.entry("officer002", sentAt.plus(Duration.ofMinutes(3))));
		assertThat(reads.unread()).containsExactly("officer003");
		assertThat(sim.recorded(DingTalkSimulator.QUERY_USER_READS)).singleElement().satisfies((query) -> {
			assertThat(query.method()).isEqualTo("GET");
			assertThat(query.query()).contains("robotCode=" + APP_KEY).contains("processQueryKey=" + key);
			assertThat(query.headers().get("x-acs-dingtalk-access-token")).startsWith("sim-token-");
		});
	}

	@Test
	void markedReadersCountFromTheMomentTheyRead() {
		String key = this.client.sendToUsers(new UserMessage(List.of("officer002"), ORDER)).processQueryKey();
		clock.advance(Duration.ofMinutes(7));
		Instant readAt = clock.instant();

		sim.markRead(key, "officer002");
		clock.advance(Duration.ofMinutes(1));

		assertThat(this.client.userReads(key).readAt()).containsExactly(Map.entry("officer002", readAt));
	}

	@Test
	void oneToOneReadStatusExpiresAfterADayAsTransient() {
		String key = this.client.sendToUsers(new UserMessage(List.of("officer002"), ORDER)).processQueryKey();
		clock.advance(Duration.ofHours(23).plusMinutes(59));
		assertThat(this.client.userReads(key).unread()).containsExactly("officer002");

		clock.advance(Duration.ofMinutes(2));

		assertThatThrownBy(() -> this.client.userReads(key))
			.isInstanceOfSatisfying(TransientConnectorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("processQueryKey.expireTime"))
			.isNotInstanceOf(ThrottledConnectorException.class);
		assertThatThrownBy(() -> this.client.recallUserMessage(key)).isInstanceOfSatisfying(
				PermanentConnectorException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("processQueryKey.expireTime"));
	}

	@Test
	void recallFlipsTheOneToOneStatus() throws Exception {
		String key = this.client.sendToUsers(new UserMessage(List.of("officer002"), ORDER)).processQueryKey();

		this.client.recallUserMessage(key);

		assertThat(this.client.userReads(key).sendStatus()).isEqualTo("RECALLED");
		assertThat(sim.recorded(DingTalkSimulator.RECALL_USERS)).singleElement()
			.extracting(Recorded::json)
			.isEqualTo(JSON.readTree("{\"robotCode\":\"" + APP_KEY + "\",\"processQueryKeys\":[\"" + key + "\"]}"));
	}

	@Test
	void refreshesTheTokenOnceWhenAReadIsRefused() {
		String key = this.client.sendToUsers(new UserMessage(List.of("officer002"), ORDER)).processQueryKey();
		sim.expireTokens();

		assertThat(this.client.userReads(key).unread()).containsExactly("officer002");
		assertThat(sim.recorded(DingTalkSimulator.QUERY_USER_READS)).hasSize(2);
		assertThat(sim.recorded(DingTalkSimulator.TOKEN)).hasSize(2);
	}

	@Test
	void listsGroupMembersAcrossPagesOfAThousand() throws Exception {
		List<String> members = IntStream.rangeClosed(1, 2500).mapToObj((i) -> "officer%04d".formatted(i)).toList();
		sim.setGroupMembers(DUTY_GROUP, members);

		assertThat(this.client.groupMembers(DUTY_GROUP)).containsExactlyElementsOf(members);

		List<Recorded> pages = sim.recorded(DingTalkSimulator.GROUP_MEMBERS);
		assertThat(pages).hasSize(3);
		assertThat(pages.get(0).json())
			.isEqualTo(JSON.readTree("{\"openConversationId\":\"" + DUTY_GROUP + "\",\"maxResults\":1000}"));
		assertThat(pages.get(2).json().get("nextToken").asText()).isEqualTo("2000");
	}

	@Test
	void aGroupWithoutMembersListsNobody() {
		assertThat(this.client.groupMembers("cidEmptyGroup==")).isEmpty();
		assertThatThrownBy(() -> this.client.groupMembers("chat-42")).isInstanceOfSatisfying(
				PermanentConnectorException.class,
				(ex) -> assertThat(ex.code()).isEqualTo("invalid.openConversationId"));
	}

	@Test
	void throttledReadIsThrottled() {
		sim.failNext(DingTalkSimulator.QUERY_GROUP_READS, Failure.THROTTLED, 1);

		assertThatThrownBy(() -> this.client.groupReads(DUTY_GROUP, "pqk-any")).isInstanceOfSatisfying(
				ThrottledConnectorException.class, (ex) -> assertThat(ex.backoff()).isEqualTo(Duration.ofSeconds(1)));
	}

	@Test
	void keepsUserIdsOutOfToString() {
		assertThat(new GroupReads("SUCCESS", java.util.Set.of("officer001"))).asString()
			.doesNotContain("officer001")
			.contains("readUserIds=1");
		assertThat(new UserReads("SUCCESS", Map.of("officer001", Instant.EPOCH), java.util.Set.of("officer002")))
			.asString()
			.doesNotContain("officer00");
	}

}
