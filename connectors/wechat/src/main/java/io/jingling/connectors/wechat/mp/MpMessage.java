package io.jingling.connectors.wechat.mp;

/**
 * A follower's message or event as the Official Account posts it, the fields the hub
 * routes on. {@code msgType} says what it is: {@code text} carries {@code content};
 * {@code image}, {@code voice} and {@code video} carry {@code mediaId}; {@code location}
 * carries {@code latitude}, {@code longitude} and {@code label}; {@code event} carries
 * {@code event} ({@code subscribe}, {@code unsubscribe}, {@code CLICK}, ...) and no
 * {@code msgId}. Absent fields are null. {@code toString()} hides who wrote and what they
 * wrote, the location included.
 *
 * @see <a href=
 * "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html">mp:
 * receiving standard messages</a>
 */
public record MpMessage(String msgId, String openId, long createTime, String msgType, String content, String mediaId,
		Double latitude, Double longitude, String label, String event) {

	/**
	 * The key to store the callback under so the platform's retries (same content, up to
	 * 3 tries 5 s apart) are taken once: {@code msg:<MsgId>} for messages,
	 * {@code evt:<FromUserName>:<CreateTime>:<Event>} for events, as the platform
	 * advises; absent parts are empty. An event's key holds the follower's openid, so log
	 * it only masked.
	 */
	public String dedupeKey() {
		if (this.msgId != null && !this.msgId.isEmpty()) {
			return "msg:" + this.msgId;
		}
		return "evt:" + part(this.openId) + ":" + this.createTime + ":" + part(this.event);
	}

	private static String part(String value) {
		return (value != null) ? value : "";
	}

	@Override
	public String toString() {
		return "MpMessage[msgId=" + this.msgId + ", openId=" + ((this.openId != null) ? "(hidden)" : null)
				+ ", createTime=" + this.createTime + ", msgType=" + this.msgType + ", contentLength="
				+ ((this.content != null) ? this.content.length() : 0) + ", mediaId=" + this.mediaId + ", location="
				+ ((this.latitude != null || this.longitude != null || this.label != null) ? "(hidden)" : null)
				+ ", event=" + this.event + "]";
	}

}
