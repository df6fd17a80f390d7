package io.jingling.connectors.wechat.client;

import java.time.Instant;
import java.util.List;

/**
 * The WeCom (企业微信) calls the hub makes, in our words: customer-group message tasks for
 * broadcasts, and 微信客服 (KF) for tips and their acknowledgements. Failures throw
 * {@link io.jingling.connectors.TransientConnectorException} (a retry may help; a
 * {@link io.jingling.connectors.ThrottledConnectorException} says how long to wait) or
 * {@link io.jingling.connectors.PermanentConnectorException} (it won't); their message
 * carries the reason in Chinese from {@link WeChatErrors#reason(int)}. Implementations
 * never retry on their own beyond one access-token refresh: the hub's outbox owns
 * retries. Vendor docs: {@code wecom:<n>} is
 * {@code https://developer.work.weixin.qq.com/document/path/<n>}.
 */
public interface WeComClient {

	/**
	 * Creates a group message task for one owner ({@code chat_type=group}, the groups in
	 * {@code chat_id_list}, {@code allow_select=false} so the owner cannot re-pick
	 * targets). Nothing is sent until the owner confirms it in the WeCom app.
	 * @see <a href="https://developer.work.weixin.qq.com/document/path/92135">wecom:92135
	 * add_msg_template</a>
	 */
	GroupTask createGroupTask(GroupTaskRequest request);

	/**
	 * Each owner's status of a task, all pages.
	 * @see <a href="https://developer.work.weixin.qq.com/document/path/93338">wecom:93338
	 * get_groupmsg_task</a>
	 */
	List<OwnerTask> taskStatus(String msgId);

	/**
	 * Per-group results of an owner's part of a task, all pages.
	 * @see <a href="https://developer.work.weixin.qq.com/document/path/93338">wecom:93338
	 * get_groupmsg_send_result</a>
	 */
	List<GroupSendResult> sendResults(String msgId, String owner);

	/**
	 * The customer-group tasks a member created in a time span, all pages: how a task the
	 * hub may have created just before it stopped is found again instead of being created
	 * twice.
	 * @see <a href="https://developer.work.weixin.qq.com/document/path/96355">wecom:96355
	 * get_groupmsg_list_v2</a>
	 */
	List<CreatedTask> tasksCreatedBy(String creator, Instant from, Instant to);

	/**
	 * Reminds the owner to confirm a task; WeCom allows 3 reminders per task per 24 h.
	 * @see <a href="https://developer.work.weixin.qq.com/document/path/97610">wecom:97610
	 * remind_groupmsg_send</a>
	 */
	void remind(String msgId);

	/**
	 * Stops the unsent part of a task.
	 * @see <a href="https://developer.work.weixin.qq.com/document/path/97611">wecom:97611
	 * cancel_groupmsg_send</a>
	 */
	void cancel(String msgId);

	/**
	 * A link to the configured 微信客服 account, tagged with {@code scene} (at most 32 bytes
	 * of {@code [0-9a-zA-Z_-]}). Append {@code &scene_param=<url-encoded, at most
	 * 128 bytes>} to tag it further; both come back in the {@code enter_session} event.
	 * @see <a href="https://developer.work.weixin.qq.com/document/path/94665">wecom:94665
	 * kf/add_contact_way</a>
	 */
	String kfLink(String scene);

	/**
	 * One page of messages of the configured 微信客服 account. {@code token} comes from the
	 * {@code kf_msg_or_event} callback (valid 10 minutes); {@code cursor} is the previous
	 * batch's {@code nextCursor}, null or empty to start at the oldest message WeCom
	 * keeps (3 days).
	 * @see <a href="https://developer.work.weixin.qq.com/document/path/94670">wecom:94670
	 * kf/sync_msg</a>
	 */
	KfBatch syncKf(String token, String cursor);

	/**
	 * Replies with text from the configured 微信客服 account; allowed within 48 h of the
	 * customer's last message and at most 5 times per such window. Returns WeCom's msgid.
	 * @see <a href="https://developer.work.weixin.qq.com/document/path/94677">wecom:94677
	 * kf/send_msg</a>
	 */
	String sendKfText(String externalUserId, String text);

	/**
	 * Uploads an image as temporary media (kept 3 days) and returns its {@code media_id}.
	 * @see <a href="https://developer.work.weixin.qq.com/document/path/90253">wecom:90253
	 * media/upload</a>
	 */
	String uploadImage(String fileName, byte[] content);

	/**
	 * Downloads temporary media, such as an image an informant sent, into memory (never
	 * to disk).
	 * @see <a href="https://developer.work.weixin.qq.com/document/path/90254">wecom:90254
	 * media/get</a>
	 */
	byte[] downloadMedia(String mediaId);

}
