package io.jingling.connectors.dingtalk.client;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.aliyun.dingtalkoauth2_1_0.models.GetAccessTokenRequest;
import com.aliyun.dingtalkoauth2_1_0.models.GetAccessTokenResponseBody;
import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTOHeaders;
import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTORequest;
import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTOResponseBody;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupSendHeaders;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupSendRequest;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupSendResponseBody;
import com.aliyun.dingtalkrobot_1_0.models.RobotSendDingHeaders;
import com.aliyun.dingtalkrobot_1_0.models.RobotSendDingRequest;
import com.aliyun.dingtalkrobot_1_0.models.RobotSendDingResponseBody;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.TokenWatch;
import io.jingling.connectors.TransientConnectorException;

/**
 * {@link DingTalkClient} over the official SDK ({@code com.aliyun:dingtalk}), plus plain
 * JSON posts to the old API for work notifications and session replies. The hosts come
 * from {@link DingTalkSettings#apiUrl()} and {@link DingTalkSettings#oapiUrl()} so the
 * simulator can stand in. One access token serves both APIs, and {@link #office()} too.
 * SDK retries are off: the hub's outbox owns retries, and the two would multiply.
 *
 * @see <a href=
 * "https://open.dingtalk.com/document/development/obtain-the-access-token-of-an-internal-app">Access
 * token of an internal app</a>
 */
public final class SdkDingTalkClient implements DingTalkClient {

	private static final Logger log = LoggerFactory.getLogger(SdkDingTalkClient.class);

	private static final String MARKDOWN = "sampleMarkdown";

	private final DingTalkSettings settings;

	private final com.aliyun.dingtalkoauth2_1_0.Client oauth;

	private final com.aliyun.dingtalkrobot_1_0.Client robot;

	private final Clock clock;

	private final AccessTokenCache tokens;

	private final SessionWebhookPoster sessions;

	private final RobotReads reads;

	private final WorkNotices notices;

	private final SdkDingTalkOffice office;

	private final RuntimeOptions runtime;

	private final TokenWatch tokenWatch;

	private final ObjectMapper json = new ObjectMapper();

	public SdkDingTalkClient(DingTalkSettings settings, Clock clock) {
		this(settings, clock, TokenWatch.NONE);
	}

	/**
	 * @param tokenWatch told when DingTalk refuses to issue the app's access token
	 */
	public SdkDingTalkClient(DingTalkSettings settings, Clock clock, TokenWatch tokenWatch) {
		this.settings = settings;
		this.clock = clock;
		this.tokenWatch = tokenWatch;
		com.aliyun.dingtalkim_1_0.Client im;
		try {
			this.oauth = new com.aliyun.dingtalkoauth2_1_0.Client(SdkCalls.config(settings));
			this.robot = new com.aliyun.dingtalkrobot_1_0.Client(SdkCalls.config(settings));
			im = new com.aliyun.dingtalkim_1_0.Client(SdkCalls.config(settings));
		}
		catch (Exception ex) {
			throw new IllegalStateException("DingTalk SDK client could not be created for " + settings.apiUrl(), ex);
		}
		this.runtime = SdkCalls.runtime(settings.timeout());
		this.tokens = new AccessTokenCache(this::issueToken, clock);
		OapiHttp oapi = new OapiHttp(settings.timeout(), this.json);
		OapiCalls oapiCalls = new OapiCalls(settings.oapiUrl(), this.tokens, oapi);
		this.sessions = new SessionWebhookPoster(settings.oapiUrl(), oapi, this.json);
		this.reads = new RobotReads(settings, this.robot, im, this.tokens, clock);
		this.notices = new WorkNotices(settings, oapiCalls, this.json);
		this.office = new SdkDingTalkOffice(settings, this.tokens, oapiCalls, this.json);
	}

	/**
	 * Check-ins, attendance, logs and approvals of the same app, sharing this client's
	 * access token: one app, one token, however many interfaces ask. Always the same
	 * instance.
	 */
	public DingTalkOffice office() {
		return this.office;
	}

	@Override
	public SentMessage sendToGroup(GroupMessage message) {
		OrgGroupSendRequest request = new OrgGroupSendRequest().setRobotCode(this.settings.robotCode())
			.setOpenConversationId(message.openConversationId())
			.setMsgKey(MARKDOWN)
			.setMsgParam(msgParam(message.content()));
		OrgGroupSendResponseBody body = withToken("group send",
				(token) -> this.robot
					.orgGroupSendWithOptions(request, new OrgGroupSendHeaders().setXAcsDingtalkAccessToken(token),
							this.runtime)
					.getBody());
		log.debug("dingtalk.send ok operation=group processQueryKey={}", body.getProcessQueryKey());
		return new SentMessage(body.getProcessQueryKey(), List.of(), List.of());
	}

	@Override
	public SentMessage sendToUsers(UserMessage message) {
		int count = message.userIds().size();
		if (count == 0 || count > UserMessage.MAX_USERS) {
			throw new IllegalArgumentException(
					"DingTalk one-to-one send takes 1 to " + UserMessage.MAX_USERS + " userIds, got " + count);
		}
		BatchSendOTORequest request = new BatchSendOTORequest().setRobotCode(this.settings.robotCode())
			.setUserIds(message.userIds())
			.setMsgKey(MARKDOWN)
			.setMsgParam(msgParam(message.content()));
		BatchSendOTOResponseBody body = withToken("one-to-one send",
				(token) -> this.robot
					.batchSendOTOWithOptions(request, new BatchSendOTOHeaders().setXAcsDingtalkAccessToken(token),
							this.runtime)
					.getBody());
		log.debug("dingtalk.send ok operation=users recipients={} processQueryKey={}", count,
				body.getProcessQueryKey());
		return new SentMessage(body.getProcessQueryKey(), body.getInvalidStaffIdList(),
				body.getFlowControlledStaffIdList());
	}

	@Override
	public DingSent ding(Ding ding) {
		RobotSendDingRequest request = new RobotSendDingRequest().setRobotCode(this.settings.robotCode())
			.setRemindType(ding.kind().remindType())
			.setReceiverUserIdList(ding.userIds())
			.setContent(ding.content());
		RobotSendDingResponseBody body = withToken("DING send",
				(token) -> this.robot
					.robotSendDingWithOptions(request, new RobotSendDingHeaders().setXAcsDingtalkAccessToken(token),
							this.runtime)
					.getBody());
		List<String> failed = failedUserIds(body.getFailedList());
		log.debug("dingtalk.send ok operation=ding kind={} recipients={} failed={} openDingId={}", ding.kind(),
				ding.userIds().size(), failed.size(), body.getOpenDingId());
		return new DingSent(body.getOpenDingId(), failed);
	}

	@Override
	public void replyInSession(SessionReply reply) {
		this.sessions.post(reply);
	}

	@Override
	public GroupReads groupReads(String openConversationId, String processQueryKey) {
		return this.reads.groupReads(openConversationId, processQueryKey);
	}

	@Override
	public UserReads userReads(String processQueryKey) {
		return this.reads.userReads(processQueryKey);
	}

	@Override
	public List<String> groupMembers(String openConversationId) {
		return this.reads.groupMembers(openConversationId);
	}

	@Override
	public WorkNoticeSent sendWorkNotice(WorkNotice notice) {
		return this.notices.send(notice);
	}

	@Override
	public WorkNoticeResult workNoticeResult(long taskId) {
		return this.notices.result(taskId);
	}

	@Override
	public void recallGroupMessage(String openConversationId, String processQueryKey) {
		this.reads.recallGroupMessage(openConversationId, processQueryKey);
	}

	@Override
	public void recallUserMessage(String processQueryKey) {
		this.reads.recallUserMessage(processQueryKey);
	}

	@Override
	public void recallWorkNotice(long taskId) {
		this.notices.recall(taskId);
	}

	private <T> T withToken(String operation, SdkCalls.TokenCall<T> call) {
		return SdkCalls.withToken(this.tokens, operation, call);
	}

	private AccessTokenCache.IssuedToken issueToken() {
		Instant askedAt = this.clock.instant();
		GetAccessTokenRequest request = new GetAccessTokenRequest().setAppKey(this.settings.appKey())
			.setAppSecret(this.settings.appSecret());
		GetAccessTokenResponseBody body;
		try {
			body = SdkCalls.call("token request",
					() -> this.oauth.getAccessTokenWithOptions(request, new HashMap<>(), this.runtime).getBody());
		}
		catch (ConnectorException ex) {
			if (!DingTalkErrors.UNREACHABLE.equals(ex.code())) {
				this.tokenWatch.refused(ex);
			}
			throw ex;
		}
		if (body == null || body.getAccessToken() == null || body.getExpireIn() == null) {
			TransientConnectorException refused = new TransientConnectorException(DingTalkErrors.PLATFORM, "no-token",
					"DingTalk token request answered without a token.");
			this.tokenWatch.refused(refused);
			throw refused;
		}
		// the lifetime counts from when we asked, so a slow answer errs towards
		// refreshing early
		Instant expiresAt = askedAt.plusSeconds(body.getExpireIn());
		log.info("dingtalk.token issued appKey={} expiresAt={}", this.settings.appKey(), expiresAt);
		return new AccessTokenCache.IssuedToken(body.getAccessToken(), expiresAt);
	}

	// failedList maps a reason to the userIds it applies to; the hub needs only whom DING
	// missed.
	private static List<String> failedUserIds(Map<String, ?> failedList) {
		if (failedList == null) {
			return List.of();
		}
		return failedList.values()
			.stream()
			.flatMap((userIds) -> (userIds instanceof Collection<?> list) ? list.stream() : Stream.ofNullable(userIds))
			.map(String::valueOf)
			.distinct()
			.toList();
	}

	private String msgParam(MessageContent content) {
		return this.json.createObjectNode().put("title", content.title()).put("text", content.markdown()).toString();
	}

}
