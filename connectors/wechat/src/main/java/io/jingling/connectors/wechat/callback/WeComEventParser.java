package io.jingling.connectors.wechat.callback;

import io.jingling.connectors.wechat.callback.CallbackRejectedException.Reason;
import io.jingling.connectors.wechat.internal.SafeXml;

/**
 * Reads the plaintext XML of a decrypted WeCom callback into a {@link WeComEvent}. The
 * parser refuses DTDs and entities; a document without {@code MsgType} or with a
 * non-numeric {@code CreateTime} is {@link Reason#MALFORMED}.
 */
public final class WeComEventParser {

	private WeComEventParser() {
	}

	/**
	 * Parses one callback plaintext.
	 * @throws CallbackRejectedException with {@link Reason#MALFORMED} when it is not a
	 * WeCom callback document
	 */
	public static WeComEvent parse(String plaintextXml) {
		SafeXml xml = SafeXml.parse(plaintextXml);
		String msgType = xml.text("MsgType");
		if (msgType == null || msgType.isBlank()) {
			throw new CallbackRejectedException(Reason.MALFORMED, "WeCom callback has no MsgType");
		}
		return new WeComEvent(msgType, xml.text("Event"), xml.text("ChangeType"), xml.text("UpdateDetail"),
				xml.text("ChatId"), xml.text("Token"), xml.text("OpenKfId"), xml.text("UserID"),
				xml.text("ExternalUserID"), xml.text("State"), xml.text("MsgId"), xml.text("FromUserName"),
				createTime(xml.text("CreateTime")), memberChange(xml.text("MemChangeCnt")));
	}

	// MemChangeCnt: how many joined or left a customer group; absent for other events
	private static int memberChange(String value) {
		try {
			return (value == null || value.isBlank()) ? 0 : Math.max(0, Integer.parseInt(value.strip()));
		}
		catch (NumberFormatException ex) {
			throw new CallbackRejectedException(Reason.MALFORMED, "WeCom callback MemChangeCnt is not a number");
		}
	}

	private static long createTime(String value) {
		try {
			return Long.parseLong((value != null) ? value.strip() : "");
		}
		catch (NumberFormatException ex) {
			throw new CallbackRejectedException(Reason.MALFORMED, "WeCom callback CreateTime is not a number");
		}
	}

}
