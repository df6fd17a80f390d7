package io.jingling.wecom;

import io.jingling.connectors.wechat.client.KfMessage;

/**
 * A synced 微信客服 message as stored in the inbox, with its media already fetched as
 * evidence.
 *
 * @param message what WeCom returned
 * @param evidence {@code sha256:<hex>} of the media, or null for text, location and
 * events
 */
public record KfInbound(KfMessage message, String evidence) {

	/** How synced KF messages are marked in the inbox. */
	public static final String TYPE = "KfMessage";

}
