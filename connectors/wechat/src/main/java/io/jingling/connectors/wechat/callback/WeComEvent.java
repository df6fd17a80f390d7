package io.jingling.connectors.wechat.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A decrypted WeCom callback, the fields the hub routes on. {@code msgType} and
 * {@code event} say what it is ({@code event}/{@code kf_msg_or_event} carries
 * {@code kfToken} and {@code openKfId} for {@code kf/sync_msg};
 * {@code change_external_chat} carries {@code chatId}, {@code changeType},
 * {@code updateDetail} and, for {@code add_member}/{@code del_member}, how many in
 * {@code memberChange} ({@code MemChangeCnt}; 0 when absent);
 * {@code change_external_contact} carries {@code userId}, {@code externalUserId} and
 * {@code state}). Absent fields are null. {@code toString()} hides {@code externalUserId}
 * and {@code kfToken}.
 *
 * @see <a href="https://developer.work.weixin.qq.com/document/path/96361">wecom:96361
 * customer-contact events</a>
 * @see <a href="https://developer.work.weixin.qq.com/document/path/94670">wecom:94670
 * kf_msg_or_event</a>
 */
public record WeComEvent(String msgType, String event, String changeType, String updateDetail, String chatId,
		String kfToken, String openKfId, String userId, String externalUserId, String state, String msgId,
		String fromUser, long createTime, int memberChange) {

	/** An event that changes no group's member count. */
	public WeComEvent(String msgType, String event, String changeType, String updateDetail, String chatId,
			String kfToken, String openKfId, String userId, String externalUserId, String state, String msgId,
			String fromUser, long createTime) {
		this(msgType, event, changeType, updateDetail, chatId, kfToken, openKfId, userId, externalUserId, state, msgId,
				fromUser, createTime, 0);
	}

	/**
	 * The key to store the callback under so WeCom's retries (same content, up to 3
	 * tries) are taken once: {@code msg:<MsgId>} for messages, otherwise
	 * {@code evt:<FromUserName>:<CreateTime>:<Event>:<ChangeType>:<ChatId>} as WeCom
	 * advises for events; absent parts are empty. 微信客服 callbacks have no sender and two
	 * of them can share a second, so when a sync token is present the key ends with
	 * {@code :<first 16 hex digits of its SHA-256>}: a retry repeats the token, a new
	 * callback brings a new one, and the token itself stays out of the key (keys may be
	 * logged).
	 */
	public String dedupeKey() {
		if (this.msgId != null && !this.msgId.isEmpty()) {
			return "msg:" + this.msgId;
		}
		String key = "evt:" + part(this.fromUser) + ":" + this.createTime + ":" + part(this.event) + ":"
				+ part(this.changeType) + ":" + part(this.chatId);
		// KF events carry no sender and contact events may share a second: their token
		// and contact
		// tell them apart, kept only as digests so the key holds neither
		if (this.kfToken != null && !this.kfToken.isEmpty()) {
			key = key + ":" + digest(this.kfToken);
		}
		// members joining and leaving one group within a second are different changes
		if (this.memberChange > 0) {
			key = key + ":" + part(this.updateDetail) + ":" + this.memberChange;
		}
		return (this.externalUserId != null && !this.externalUserId.isEmpty()) ? key + ":" + digest(this.externalUserId)
				: key;
	}

	private static String digest(String value) {
		try {
			byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha256, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

	private static String part(String value) {
		return (value != null) ? value : "";
	}

	@Override
	public String toString() {
		return "WeComEvent[msgType=" + this.msgType + ", event=" + this.event + ", changeType=" + this.changeType
				+ ", updateDetail=" + this.updateDetail + ", chatId=" + this.chatId + ", kfToken="
				+ ((this.kfToken != null) ? "(hidden)" : null) + ", openKfId=" + this.openKfId + ", userId="
				+ this.userId + ", externalUserId=" + ((this.externalUserId != null) ? "(hidden)" : null) + ", state="
				+ this.state + ", msgId=" + this.msgId + ", fromUser=" + this.fromUser + ", createTime="
				+ this.createTime + "]";
	}

}
