package io.jingling.connectors.dingtalk.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientRecordsTest {

	private static final URI HOST = URI.create("http://127.0.0.1:1");

	@Test
	void recallsCarryExactlyTheIdsTheirKindNeeds() {
		assertThat(Recall.group("cidA", "pqk-1")).isEqualTo(new Recall(RecallKind.GROUP, "cidA", "pqk-1", null));
		assertThat(Recall.users("pqk-2")).isEqualTo(new Recall(RecallKind.USERS, null, "pqk-2", null));
		assertThat(Recall.workNotice(7)).isEqualTo(new Recall(RecallKind.WORK_NOTICE, null, null, 7L));

		assertThatIllegalArgumentException().isThrownBy(() -> Recall.group(null, "pqk-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> Recall.users(null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Recall(RecallKind.USERS, "cidA", "pqk-2", null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Recall(RecallKind.WORK_NOTICE, null, "pqk-3", 7L))
			.withMessage("A WORK_NOTICE recall takes a taskId only");
	}

	@Test
	void settingsKeepTheirSixArgumentFormWithoutAnAgentId() {
		DingTalkSettings old = new DingTalkSettings(HOST, HOST, "key", "secret", "robot", Duration.ofSeconds(5));
		DingTalkSettings withAgent = new DingTalkSettings(HOST, HOST, "key", "secret", "robot", Duration.ofSeconds(5),
				3300000001L);

		assertThat(old.agentId()).isNull();
		assertThat(withAgent.agentId()).isEqualTo(3300000001L);
		assertThat(withAgent).asString().contains("agentId=3300000001").doesNotContain("secret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DingTalkSettings(HOST, HOST, "key", "secret", "robot", Duration.ofSeconds(5), 0L))
			.withMessageContaining("jingling.dingtalk.agent-id");
	}

	@Test
	void workNoticeResultsCountUsersInsteadOfNamingThem() {
		WorkNoticeResult result = new WorkNoticeResult(Set.of("officer001"), Set.of("officer002"), null, Set.of(), null,
				Map.of());

		assertThat(result.invalid()).isEmpty();
		assertThat(result.failed()).isEmpty();
		assertThat(result).asString().doesNotContain("officer").contains("read=1", "unread=1");
	}

}
