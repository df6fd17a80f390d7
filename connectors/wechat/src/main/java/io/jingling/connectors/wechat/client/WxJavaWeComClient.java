package io.jingling.connectors.wechat.client;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import me.chanjar.weixin.cp.bean.external.WxCpMsgTemplate;
import me.chanjar.weixin.cp.bean.external.WxCpMsgTemplateAddResult;
import me.chanjar.weixin.cp.bean.external.contact.WxCpGroupMsgListResult;
import me.chanjar.weixin.cp.bean.external.contact.WxCpGroupMsgSendResult;
import me.chanjar.weixin.cp.bean.external.contact.WxCpGroupMsgTaskResult;
import me.chanjar.weixin.cp.bean.external.msg.Attachment;
import me.chanjar.weixin.cp.bean.external.msg.Image;
import me.chanjar.weixin.cp.bean.external.msg.Text;
import me.chanjar.weixin.cp.bean.kf.WxCpKfAccountLink;
import me.chanjar.weixin.cp.bean.kf.WxCpKfMsgListResp;
import me.chanjar.weixin.cp.bean.kf.WxCpKfMsgSendRequest;
import me.chanjar.weixin.cp.bean.kf.msg.WxCpKfTextMsg;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.constant.WxCpApiPathConsts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.TokenWatch;
import io.jingling.connectors.wechat.internal.TimeoutHttpClientBuilder;

/**
 * {@link WeComClient} over WxJava ({@code weixin-java-cp}). The API host comes from
 * {@link WeComSettings#apiUrl()} ({@code setBaseApiUrl}), so the simulator can stand in.
 * WxJava caches the access token and, on a token error, refreshes it and repeats the call
 * once; its busy (-1) retry is cut to one quick repeat, because the hub's outbox owns
 * retries and the two would multiply.
 *
 * @see <a href="https://developer.work.weixin.qq.com/document/path/91039">wecom:91039
 * gettoken</a>
 */
public final class WxJavaWeComClient implements WeComClient {

	private static final Logger log = LoggerFactory.getLogger(WxJavaWeComClient.class);

	// WxJava turns every errcode into a codeless WxRuntimeException when maxRetryTimes is
	// 0,
	// so 1 is the lowest setting that keeps WeCom's codes: one repeat after a busy
	// answer.
	static final int MAX_RETRY_TIMES = 1;

	static final int RETRY_SLEEP_MILLIS = 100;

	// The largest page WeCom serves for task, send-result and sync_msg queries.
	static final int PAGE_SIZE = 1000;

	/** get_groupmsg_list_v2 pages at most 100 rows. */
	static final int LIST_PAGE_SIZE = 100;

	/**
	 * get_groupmsg_list_v2 filter_type 2: tasks the enterprise and the member created
	 * alike.
	 */
	static final int ALL_CREATE_TYPES = 2;

	private final WeComSettings settings;

	private final QuietWxCpService service;

	public WxJavaWeComClient(WeComSettings settings) {
		this(settings, TokenWatch.NONE);
	}

	/**
	 * @param tokenWatch told when WeCom refuses to issue the app's access token
	 */
	public WxJavaWeComClient(WeComSettings settings, TokenWatch tokenWatch) {
		this.settings = settings;
		WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
		config.setBaseApiUrl(stripTrailingSlash(settings.apiUrl().toString()));
		config.setCorpId(settings.corpId());
		config.setCorpSecret(settings.secret());
		if (settings.agentId() != null && !settings.agentId().isBlank()) {
			config.setAgentId(Integer.valueOf(settings.agentId().strip()));
		}
		config.setApacheHttpClientBuilder(new TimeoutHttpClientBuilder(settings.timeout()));
		this.service = new QuietWxCpService(tokenWatch);
		this.service.setWxCpConfigStorage(config);
		this.service.setMaxRetryTimes(MAX_RETRY_TIMES);
		this.service.setRetrySleepMillis(RETRY_SLEEP_MILLIS);
	}

	@Override
	public GroupTask createGroupTask(GroupTaskRequest request) {
		List<Attachment> images = request.imageMediaIds()
			.stream()
			.map((mediaId) -> new Attachment().setImage(new Image().setMediaId(mediaId)))
			.toList();
		WxCpMsgTemplate template = WxCpMsgTemplate.builder()
			.chatType("group")
			.sender(request.sender())
			.chatIdList(request.chatIds())
			.allowSelect(false)
			.text(request.text().isEmpty() ? null : new Text().setContent(request.text()))
			.attachments(images.isEmpty() ? null : images)
			.build();
		WxCpMsgTemplateAddResult result = WxCalls.call("group task",
				() -> this.service.getExternalContactService().addMsgTemplate(template));
		GroupTask task = new GroupTask(result.getMsgId(), result.getFailList());
		log.info("wecom.group-task created msgId={} chats={} failed={} images={}", task.msgId(),
				request.chatIds().size(), task.failedChatIds().size(), images.size());
		return task;
	}

	@Override
	public List<OwnerTask> taskStatus(String msgId) {
		return CursorPages.all("task status", (cursor) -> {
			WxCpGroupMsgTaskResult page = WxCalls.call("task status",
					() -> this.service.getExternalContactService().getGroupMsgTask(msgId, PAGE_SIZE, cursor));
			List<OwnerTask> rows = (page.getTaskList() == null) ? List.of() : page.getTaskList()
				.stream()
				.map((row) -> new OwnerTask(row.getUserId(), orZero(row.getStatus()), instant(row.getSendTime())))
				.toList();
			return new CursorPages.Page<>(rows, page.getNextCursor());
		});
	}

	@Override
	public List<CreatedTask> tasksCreatedBy(String creator, Instant from, Instant to) {
		return CursorPages.all("task list", (cursor) -> {
			WxCpGroupMsgListResult page = WxCalls.call("task list",
					() -> this.service.getExternalContactService()
						.getGroupMsgListV2("group", Date.from(from), Date.from(to), creator, ALL_CREATE_TYPES,
								LIST_PAGE_SIZE, cursor));
			List<CreatedTask> rows = (page.getGroupMsgList() == null) ? List.of()
					: page.getGroupMsgList()
						.stream()
						.map((row) -> new CreatedTask(row.getMsgId(), instant(row.getCreateTime()),
								(row.getText() == null) ? "" : row.getText().getContent()))
						.toList();
			return new CursorPages.Page<>(rows, page.getNextCursor());
		});
	}

	@Override
	public List<GroupSendResult> sendResults(String msgId, String owner) {
		return CursorPages.all("send results", (cursor) -> {
			WxCpGroupMsgSendResult page = WxCalls.call("send results", () -> this.service.getExternalContactService()
				.getGroupMsgSendResult(msgId, owner, PAGE_SIZE, cursor));
			List<GroupSendResult> rows = (page.getSendList() == null) ? List.of()
					: page.getSendList()
						.stream()
						.map((row) -> new GroupSendResult(row.getChatId(), row.getUserId(), orZero(row.getStatus()),
								instant(row.getSendTime())))
						.toList();
			return new CursorPages.Page<>(rows, page.getNextCursor());
		});
	}

	@Override
	public void remind(String msgId) {
		WxCalls.call("remind", () -> this.service.getExternalContactService().remindGroupMsgSend(msgId));
		log.info("wecom.group-task reminded msgId={}", msgId);
	}

	@Override
	public void cancel(String msgId) {
		WxCalls.call("cancel", () -> this.service.getExternalContactService().cancelGroupMsgSend(msgId));
		log.info("wecom.group-task cancelled msgId={}", msgId);
	}

	@Override
	public String kfLink(String scene) {
		WxCpKfAccountLink link = new WxCpKfAccountLink();
		link.setOpenKfid(this.settings.kfId());
		link.setScene(scene);
		return WxCalls.call("kf link", () -> this.service.getKfService().getAccountLink(link)).getUrl();
	}

	@Override
	public KfBatch syncKf(String token, String cursor) {
		String from = (cursor == null || cursor.isEmpty()) ? null : cursor;
		WxCpKfMsgListResp page = WxCalls.call("kf sync",
				() -> this.service.getKfService().syncMsg(from, token, PAGE_SIZE, 0, this.settings.kfId()));
		List<KfMessage> messages = (page.getMsgList() == null) ? List.of()
				: page.getMsgList().stream().map(KfMessages::toMessage).toList();
		boolean hasMore = page.getHasMore() != null && page.getHasMore() == 1;
		log.debug("wecom.kf synced messages={} hasMore={}", messages.size(), hasMore);
		return new KfBatch(messages, page.getNextCursor(), hasMore);
	}

	@Override
	public String sendKfText(String externalUserId, String text) {
		WxCpKfMsgSendRequest request = new WxCpKfMsgSendRequest();
		request.setToUser(externalUserId);
		request.setOpenKfid(this.settings.kfId());
		request.setMsgType("text");
		WxCpKfTextMsg content = new WxCpKfTextMsg();
		content.setContent(text);
		request.setText(content);
		String msgId = WxCalls.call("kf send", () -> this.service.getKfService().sendMsg(request)).getMsgId();
		log.info("wecom.kf sent msgId={} length={}", msgId, text.length());
		return msgId;
	}

	@Override
	public String uploadImage(String fileName, byte[] content) {
		String mediaId = WxCalls
			.call("image upload",
					() -> this.service.getMediaService().upload("image", new ByteArrayInputStream(content), fileName))
			.getMediaId();
		log.debug("wecom.media uploaded mediaId={} bytes={}", mediaId, content.length);
		return mediaId;
	}

	@Override
	public byte[] downloadMedia(String mediaId) {
		String url = this.service.getWxCpConfigStorage().getApiUrl(WxCpApiPathConsts.Media.MEDIA_GET);
		String query = "media_id=" + URLEncoder.encode(mediaId, StandardCharsets.UTF_8);
		byte[] media = WxCalls.call("media download",
				() -> this.service.execute(new MediaBytesExecutor(this.service.getRequestHttpClient()), url, query));
		log.debug("wecom.media downloaded mediaId={} bytes={}", mediaId, media.length);
		return media;
	}

	private static int orZero(Integer value) {
		return (value != null) ? value : 0;
	}

	// WeCom sends 0 for "not sent yet".
	private static Instant instant(Long epochSeconds) {
		return (epochSeconds == null || epochSeconds == 0) ? null : Instant.ofEpochSecond(epochSeconds);
	}

	private static String stripTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
