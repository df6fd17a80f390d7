package io.jingling.connectors.wechat.client;

import java.time.Instant;

/**
 * One 微信客服 message or event from {@code kf/sync_msg}. {@code origin} 3 is a message the
 * WeChat customer sent, 4 a system event, 5 a reply by reception staff. {@code type} is
 * WeCom's {@code msgtype} ({@code text}, {@code image}, {@code voice}, {@code location},
 * {@code event}, ...); {@code text}, {@code mediaId} and {@code location} are filled for
 * their types. For events {@code eventType} ({@code enter_session}, ...) is set and, for
 * {@code enter_session}, {@code scene} and {@code sceneParam} from the link the customer
 * opened. {@code toString()} hides who wrote and what they wrote: informant identity and
 * tip content never reach logs.
 */
public record KfMessage(String msgId, String externalUserId, Instant sendTime, int origin, String type, String text,
		String mediaId, KfLocation location, String eventType, String scene, String sceneParam) {

	/** Written by the WeChat customer. */
	public static final int FROM_CUSTOMER = 3;

	/** A system event such as {@code enter_session}. */
	public static final int SYSTEM_EVENT = 4;

	/** Written by reception staff in the WeCom app. */
	public static final int FROM_STAFF = 5;

	@Override
	public String toString() {
		return "KfMessage[msgId=" + this.msgId + ", sendTime=" + this.sendTime + ", origin=" + this.origin + ", type="
				+ this.type + ", textLength=" + ((this.text != null) ? this.text.length() : 0) + ", mediaId="
				+ this.mediaId + ", eventType=" + this.eventType + ", scene=" + this.scene + "]";
	}

}
