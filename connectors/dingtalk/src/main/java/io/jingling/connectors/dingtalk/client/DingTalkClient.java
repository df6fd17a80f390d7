package io.jingling.connectors.dingtalk.client;

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

}
