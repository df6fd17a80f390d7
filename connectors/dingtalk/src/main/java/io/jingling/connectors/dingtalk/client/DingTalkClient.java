package io.jingling.connectors.dingtalk.client;

import java.util.List;

/**
 * The DingTalk calls the hub makes, in our words. Failures throw
 * {@link io.jingling.connectors.TransientConnectorException} (a retry may help; a
 * {@link io.jingling.connectors.ThrottledConnectorException} says how long to wait) or
 * {@link io.jingling.connectors.PermanentConnectorException} (it won't). Implementations
 * never retry on their own, except once after refreshing a rejected access token: the
 * hub's outbox owns retries.
 */
public interface DingTalkClient {

	/**
	 * Sends a markdown message to a group through the app robot.
	 * @see <a href=
	 * "https://open.dingtalk.com/document/orgapp/the-robot-sends-a-group-message">Robot
	 * sends a group message (POST /v1.0/robot/groupMessages/send)</a>
	 */
	SentMessage sendToGroup(GroupMessage message);

	/**
	 * Sends a markdown message one-to-one to at most {@link UserMessage#MAX_USERS} users.
	 * @throws IllegalArgumentException when the message names no user or more than
	 * {@link UserMessage#MAX_USERS}
	 * @see <a href=
	 * "https://open.dingtalk.com/document/orgapp/chatbots-send-one-on-one-chat-messages-in-batches">Robot
	 * sends one-to-one messages (POST /v1.0/robot/oToMessages/batchSend)</a>
	 */
	SentMessage sendToUsers(UserMessage message);

	/**
	 * Sends a DING (钉一下) through the app robot: in the app, by SMS or by phone call.
	 * DingTalk offers it only to paid editions, and SMS and phone DING spend the tenant's
	 * purchased quota: when either is missing the call throws
	 * {@link io.jingling.connectors.PermanentConnectorException} with the platform's
	 * code, so the caller can fall back to SMS of its own.
	 * @see <a href=
	 * "https://open.dingtalk.com/document/development/robot-sends-nail-message">Robot
	 * sends a DING (POST /v1.0/robot/ding/send)</a>
	 */
	DingSent ding(Ding ding);

	/**
	 * Replies in the conversation a robot callback came from, through its session
	 * webhook. The webhook is rebased onto the configured oapi host, so a callback can
	 * never make the hub post elsewhere.
	 * @see <a href="https://open.dingtalk.com/document/orgapp/receive-message">Receive
	 * robot messages (sessionWebhook)</a>
	 */
	void replyInSession(SessionReply reply);

	/**
	 * Who has read a robot group message so far, all pages. DingTalk lists readers only;
	 * the unread are the group's members at send time minus the readers.
	 * @throws io.jingling.connectors.TransientConnectorException with code
	 * {@code processQueryKey.expireTime} when DingTalk has no read data for the key (not
	 * ready yet, or expired): asking later may help
	 * @see <a href=
	 * "https://help.dingtalk.io/open/development/chatbot-queries-the-read-status-of-a-message">Robot
	 * queries the read status of a group message (POST
	 * /v1.0/robot/groupMessages/query)</a>
	 */
	GroupReads groupReads(String openConversationId, String processQueryKey);

	/**
	 * Who has read robot one-to-one messages sent in one call, and when. DingTalk keeps
	 * this for 24 hours after the send.
	 * @throws io.jingling.connectors.TransientConnectorException with code
	 * {@code processQueryKey.expireTime} when the data is not ready or has expired
	 * @see <a href=
	 * "https://help.dingtalk.io/open/development/chatbot-batch-query-the-read-status-of-messages">Robot
	 * queries the read status of one-to-one messages (GET
	 * /v1.0/robot/oToMessages/readStatus)</a>
	 */
	UserReads userReads(String processQueryKey);

	/**
	 * The userIds of an internal group's members, all pages
	 * ({@code POST /v1.0/im/innerGroups/members/query}, SDK
	 * {@code dingtalkim_1_0 getInnerGroupMembers}). The robot is not a user and is not
	 * listed.
	 */
	List<String> groupMembers(String openConversationId);

	/**
	 * Sends a markdown work notification (工作通知) from the app to 1 to
	 * {@link WorkNotice#MAX_USERS} users. DingTalk accepts it even for users it will not
	 * deliver to (the same content twice a day, daily limits):
	 * {@link #workNoticeResult(long)} tells.
	 * @throws io.jingling.connectors.PermanentConnectorException with code
	 * {@code agentId.missing} when no agentId is configured
	 * @see <a href=
	 * "https://open.dingtalk.com/document/orgapp/asynchronous-sending-of-enterprise-session-messages">Send
	 * a work notification (POST /topapi/message/corpconversation/asyncsend_v2)</a>
	 */
	WorkNoticeSent sendWorkNotice(WorkNotice notice);

	/**
	 * Who read, did not read or did not get a work notification; available for 24 hours
	 * and for sends to at most {@link WorkNotice#MAX_USERS} users.
	 * @throws io.jingling.connectors.PermanentConnectorException with code
	 * {@code agentId.missing} when no agentId is configured
	 * @see <a href=
	 * "https://open.dingtalk.com/document/orgapp/asynchronous-sending-of-enterprise-session-messages">Work
	 * notifications (the result: POST /topapi/message/corpconversation/getsendresult)</a>
	 */
	WorkNoticeResult workNoticeResult(long taskId);

	/**
	 * Recalls a robot group message.
	 * @throws io.jingling.connectors.PermanentConnectorException with DingTalk's reason
	 * as the code when it refuses to recall the message
	 * @see <a href=
	 * "https://help.dingtalk.io/open/development/enterprise-chatbot-withdraws-internal-group-messages">Robot
	 * recalls a group message (POST /v1.0/robot/groupMessages/recall)</a>
	 */
	void recallGroupMessage(String openConversationId, String processQueryKey);

	/**
	 * Recalls robot one-to-one messages sent in one call, possible within 24 hours of the
	 * send.
	 * @throws io.jingling.connectors.PermanentConnectorException with DingTalk's reason
	 * as the code when it refuses to recall them
	 * @see <a href=
	 * "https://help.dingtalk.io/open/development/batch-message-recall-chat">Robot recalls
	 * one-to-one messages (POST /v1.0/robot/otoMessages/batchRecall)</a>
	 */
	void recallUserMessage(String processQueryKey);

	/**
	 * Recalls a work notification.
	 * @throws io.jingling.connectors.PermanentConnectorException with code
	 * {@code agentId.missing} when no agentId is configured
	 * @see <a href=
	 * "https://open.dingtalk.com/document/orgapp/asynchronous-sending-of-enterprise-session-messages">Work
	 * notifications (the recall: POST /topapi/message/corpconversation/recall)</a>
	 */
	void recallWorkNotice(long taskId);

}
