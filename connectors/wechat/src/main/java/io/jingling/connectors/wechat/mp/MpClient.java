package io.jingling.connectors.wechat.mp;

/**
 * The Official Account (公众号) calls the hub makes, in our words. Failures throw
 * {@link io.jingling.connectors.TransientConnectorException} (a retry may help; a
 * {@link io.jingling.connectors.ThrottledConnectorException} says how long to wait) or
 * {@link io.jingling.connectors.PermanentConnectorException} (it won't), with platform
 * {@code wxmp}, the errcode as code and a Chinese reason in the message. Implementations
 * never retry on their own beyond one access-token refresh: the hub's outbox owns
 * retries.
 */
public interface MpClient {

	/**
	 * Replies with a customer-service (kefu) text message to a follower. Allowed only
	 * after the follower wrote, within 48 h and at most 5 times per message they sent;
	 * beyond that the platform answers 45015 or 45047, both permanent with
	 * {@link io.jingling.connectors.wechat.client.WeChatErrors#reason(int)}. The platform
	 * returns no message id, so the result is always the empty string.
	 * @see <a href=
	 * "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html">mp:
	 * customer-service messages</a>
	 */
	String sendKefuText(String openId, String text);

	/**
	 * Downloads temporary media a follower sent (a photo, a voice message) into memory,
	 * while the platform still keeps it (3 days).
	 * @see <a href=
	 * "https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Get_temporary_materials.html">mp:
	 * media/get</a>
	 */
	byte[] downloadMedia(String mediaId);

}
