package io.jingling.connectors.dingtalk.client;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.aliyun.dingtalkim_1_0.models.GetInnerGroupMembersHeaders;
import com.aliyun.dingtalkim_1_0.models.GetInnerGroupMembersRequest;
import com.aliyun.dingtalkim_1_0.models.GetInnerGroupMembersResponseBody;
import com.aliyun.dingtalkrobot_1_0.models.BatchOTOQueryHeaders;
import com.aliyun.dingtalkrobot_1_0.models.BatchOTOQueryRequest;
import com.aliyun.dingtalkrobot_1_0.models.BatchOTOQueryResponseBody;
import com.aliyun.dingtalkrobot_1_0.models.BatchRecallOTOHeaders;
import com.aliyun.dingtalkrobot_1_0.models.BatchRecallOTORequest;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupQueryHeaders;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupQueryRequest;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupQueryResponseBody;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupRecallHeaders;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupRecallRequest;
import com.aliyun.teautil.models.RuntimeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// What happened to robot messages after they were sent: who read them, who is in a group, and
// taking them back. Paged calls follow nextToken while hasMore says so; each page is one call
// with its own token check.
final class RobotReads {

	private static final Logger log = LoggerFactory.getLogger(RobotReads.class);

	// groupMessages/query answers invalidParameter.pageSize.invalid above 200.
	static final long GROUP_READS_PAGE = 200;

	// innerGroups/members/query documents no page size; DingTalk's member lists commonly
	// stop at 1000, which also bounds the simulator's page. Unverified on a real tenant.
	static final int MEMBERS_PAGE = 1000;

	private final String robotCode;

	private final com.aliyun.dingtalkrobot_1_0.Client robot;

	private final com.aliyun.dingtalkim_1_0.Client im;

	private final AccessTokenCache tokens;

	private final RuntimeOptions runtime;

	private final Clock clock;

	RobotReads(DingTalkSettings settings, com.aliyun.dingtalkrobot_1_0.Client robot,
			com.aliyun.dingtalkim_1_0.Client im, AccessTokenCache tokens, Clock clock) {
		this.robotCode = settings.robotCode();
		this.robot = robot;
		this.im = im;
		this.tokens = tokens;
		this.runtime = SdkCalls.runtime(settings.timeout());
		this.clock = clock;
	}

	GroupReads groupReads(String openConversationId, String processQueryKey) {
		Set<String> readers = new LinkedHashSet<>();
		String sendStatus;
		String nextToken = null;
		do {
			OrgGroupQueryRequest request = new OrgGroupQueryRequest().setRobotCode(this.robotCode)
				.setOpenConversationId(openConversationId)
				.setProcessQueryKey(processQueryKey)
				.setMaxResults(GROUP_READS_PAGE)
				.setNextToken(nextToken);
			OrgGroupQueryResponseBody page = SdkCalls.withToken(this.tokens, "group read status",
					(token) -> this.robot
						.orgGroupQueryWithOptions(request, new OrgGroupQueryHeaders().setXAcsDingtalkAccessToken(token),
								this.runtime)
						.getBody());
			sendStatus = page.getSendStatus();
			readers.addAll(readerIds(page));
			nextToken = next(page.getHasMore(), page.getNextToken());
		}
		while (nextToken != null);
		log.debug("dingtalk.reads ok operation=group sendStatus={} readers={}", sendStatus, readers.size());
		return new GroupReads(sendStatus, readers);
	}

	UserReads userReads(String processQueryKey) {
		BatchOTOQueryRequest request = new BatchOTOQueryRequest().setRobotCode(this.robotCode)
			.setProcessQueryKey(processQueryKey);
		BatchOTOQueryResponseBody body = SdkCalls.withToken(this.tokens, "one-to-one read status",
				(token) -> this.robot
					.batchOTOQueryWithOptions(request, new BatchOTOQueryHeaders().setXAcsDingtalkAccessToken(token),
							this.runtime)
					.getBody());
		Map<String, Instant> readAt = new HashMap<>();
		Set<String> unread = new HashSet<>();
		if (body.getMessageReadInfoList() != null) {
			for (var info : body.getMessageReadInfoList()) {
				if ("READ".equals(info.getReadStatus())) {
					// a read without its time was read no later than now
					readAt.put(info.getUserId(), (info.getReadTimestamp() != null)
							? Instant.ofEpochMilli(info.getReadTimestamp()) : this.clock.instant());
				}
				else {
					unread.add(info.getUserId());
				}
			}
		}
		log.debug("dingtalk.reads ok operation=users sendStatus={} read={} unread={}", body.getSendStatus(),
				readAt.size(), unread.size());
		return new UserReads(body.getSendStatus(), readAt, unread);
	}

	List<String> groupMembers(String openConversationId) {
		Set<String> members = new LinkedHashSet<>();
		String nextToken = null;
		do {
			GetInnerGroupMembersRequest request = new GetInnerGroupMembersRequest()
				.setOpenConversationId(openConversationId)
				.setMaxResults(MEMBERS_PAGE)
				.setNextToken(nextToken);
			GetInnerGroupMembersResponseBody page = SdkCalls.withToken(this.tokens, "group members",
					(token) -> this.im
						.getInnerGroupMembersWithOptions(request,
								new GetInnerGroupMembersHeaders().setXAcsDingtalkAccessToken(token), this.runtime)
						.getBody());
			if (page.getUserIds() != null) {
				members.addAll(page.getUserIds());
			}
			nextToken = next(page.getHasMore(), page.getNextToken());
		}
		while (nextToken != null);
		log.debug("dingtalk.members ok members={}", members.size());
		return List.copyOf(members);
	}

	void recallGroupMessage(String openConversationId, String processQueryKey) {
		OrgGroupRecallRequest request = new OrgGroupRecallRequest().setRobotCode(this.robotCode)
			.setOpenConversationId(openConversationId)
			.setProcessQueryKeys(List.of(processQueryKey));
		Map<String, String> failed = SdkCalls.withToken(this.tokens, "group recall",
				(token) -> this.robot
					.orgGroupRecallWithOptions(request, new OrgGroupRecallHeaders().setXAcsDingtalkAccessToken(token),
							this.runtime)
					.getBody()
					.getFailedResult());
		checkRecalled("group recall", processQueryKey, failed);
	}

	void recallUserMessage(String processQueryKey) {
		BatchRecallOTORequest request = new BatchRecallOTORequest().setRobotCode(this.robotCode)
			.setProcessQueryKeys(List.of(processQueryKey));
		Map<String, String> failed = SdkCalls.withToken(this.tokens, "one-to-one recall",
				(token) -> this.robot
					.batchRecallOTOWithOptions(request, new BatchRecallOTOHeaders().setXAcsDingtalkAccessToken(token),
							this.runtime)
					.getBody()
					.getFailedResult());
		checkRecalled("one-to-one recall", processQueryKey, failed);
	}

	// A recall answers HTTP 200 and lists the keys it could not recall with a reason.
	private static void checkRecalled(String operation, String processQueryKey, Map<String, String> failed) {
		if (failed != null && failed.containsKey(processQueryKey)) {
			String reason = failed.get(processQueryKey);
			log.warn("dingtalk.recall refused operation={} reason={}", operation, reason);
			throw DingTalkErrors.recallRefused(operation,
					(reason != null && !reason.isBlank()) ? reason : "recall.failed");
		}
		log.debug("dingtalk.recall ok operation={} processQueryKey={}", operation, processQueryKey);
	}

	// The cursor of the next page, or null on the last one. A page that claims more but
	// gives no cursor ends the walk rather than asking for the first page again.
	private static String next(Boolean hasMore, String nextToken) {
		return (Boolean.TRUE.equals(hasMore) && nextToken != null && !nextToken.isBlank()) ? nextToken : null;
	}

	private static List<String> readerIds(OrgGroupQueryResponseBody page) {
		if (page.getReadUserIds() != null) {
			return page.getReadUserIds();
		}
		if (page.getReadUsers() == null) {
			return List.of();
		}
		return page.getReadUsers().stream().map((reader) -> reader.getUserId()).toList();
	}

}
