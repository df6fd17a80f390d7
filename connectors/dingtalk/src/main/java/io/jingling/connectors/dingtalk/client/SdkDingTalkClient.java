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
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.TransientConnectorException;

/**
 * {@link DingTalkClient} over the official SDK ({@code com.aliyun:dingtalk}). The API
 * host comes from {@link DingTalkSettings#apiUrl()} so the simulator can stand in. SDK
 * retries are off: the hub's outbox owns retries, and the two would multiply.
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

	private final ObjectMapper json = new ObjectMapper();

	public SdkDingTalkClient(DingTalkSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		try {
			this.oauth = new com.aliyun.dingtalkoauth2_1_0.Client(config(settings));
			this.robot = new com.aliyun.dingtalkrobot_1_0.Client(config(settings));
		}
		catch (Exception ex) {
			throw new IllegalStateException("DingTalk SDK client could not be created for " + settings.apiUrl(), ex);
		}
		this.tokens = new AccessTokenCache(this::issueToken, clock);
		this.sessions = new SessionWebhookPoster(settings.oapiUrl(), settings.timeout(), this.json);
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
							runtime())
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
							runtime())
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
							runtime())
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

	// Calls once; when the token is rejected, drops it, refreshes and calls once more,
	// never again.
	private <T> T withToken(String operation, SdkCall<T> call) {
		String token = this.tokens.token();
		try {
			return SdkCalls.call(operation, () -> call.apply(token));
		}
		catch (TokenRejectedException rejected) {
			this.tokens.discard(token);
			log.info("dingtalk.token rejected operation={} code={}, refreshing once", operation, rejected.code());
			String fresh = this.tokens.token();
			try {
				return SdkCalls.call(operation, () -> call.apply(fresh));
			}
			catch (TokenRejectedException again) {
				this.tokens.discard(fresh);
				throw again;
			}
		}
	}

	private AccessTokenCache.IssuedToken issueToken() {
		Instant askedAt = this.clock.instant();
		GetAccessTokenRequest request = new GetAccessTokenRequest().setAppKey(this.settings.appKey())
			.setAppSecret(this.settings.appSecret());
		GetAccessTokenResponseBody body = SdkCalls.call("token request",
				() -> this.oauth.getAccessTokenWithOptions(request, new HashMap<>(), runtime()).getBody());
		if (body == null || body.getAccessToken() == null || body.getExpireIn() == null) {
			throw new TransientConnectorException(DingTalkErrors.PLATFORM, "no-token",
					"DingTalk token request answered without a token.");
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

	private RuntimeOptions runtime() {
		int millis = (int) this.settings.timeout().toMillis();
		return new RuntimeOptions().setAutoretry(false)
			.setMaxAttempts(0)
			.setReadTimeout(millis)
			.setConnectTimeout(millis);
	}

	private static Config config(DingTalkSettings settings) {
		int millis = (int) settings.timeout().toMillis();
		String host = settings.apiUrl().getHost();
		int port = settings.apiUrl().getPort();
		return new Config().setProtocol(settings.apiUrl().getScheme())
			.setEndpoint((port == -1) ? host : host + ":" + port)
			.setRegionId("central")
			.setReadTimeout(millis)
			.setConnectTimeout(millis);
	}

	// One SDK call made with the given access token.
	@FunctionalInterface
	private interface SdkCall<T> {

		T apply(String token) throws Exception;

	}

}
