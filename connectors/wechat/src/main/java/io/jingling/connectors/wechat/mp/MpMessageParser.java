package io.jingling.connectors.wechat.mp;

import io.jingling.connectors.wechat.callback.CallbackRejectedException;
import io.jingling.connectors.wechat.callback.CallbackRejectedException.Reason;
import io.jingling.connectors.wechat.internal.SafeXml;

/**
 * Reads the plaintext XML of an Official Account callback into an {@link MpMessage}. The
 * parser refuses DTDs and entities; a document without {@code MsgType} or
 * {@code FromUserName}, or with a non-numeric {@code CreateTime}, {@code Location_X} or
 * {@code Location_Y}, is {@link Reason#MALFORMED}.
 */
public final class MpMessageParser {

	private MpMessageParser() {
	}

	/**
	 * Parses one callback plaintext, as returned by {@link MpCallbackCrypto#open}.
	 * @throws CallbackRejectedException with {@link Reason#MALFORMED} when it is not an
	 * Official Account message or event
	 */
	public static MpMessage parse(String plaintextXml) {
		SafeXml xml = SafeXml.parse(plaintextXml);
		String msgType = xml.text("MsgType");
		if (msgType == null || msgType.isBlank()) {
			throw new CallbackRejectedException(Reason.MALFORMED, "OA callback has no MsgType");
		}
		String openId = xml.text("FromUserName");
		if (openId == null || openId.isBlank()) {
			throw new CallbackRejectedException(Reason.MALFORMED, "OA callback has no FromUserName");
		}
		return new MpMessage(xml.text("MsgId"), openId, createTime(xml.text("CreateTime")), msgType,
				xml.text("Content"), xml.text("MediaId"), coordinate(xml.text("Location_X")),
				coordinate(xml.text("Location_Y")), xml.text("Label"), xml.text("Event"));
	}

	private static long createTime(String value) {
		try {
			return Long.parseLong((value != null) ? value.strip() : "");
		}
		catch (NumberFormatException ex) {
			throw new CallbackRejectedException(Reason.MALFORMED, "OA callback CreateTime is not a number");
		}
	}

	private static Double coordinate(String value) {
		if (value == null) {
			return null;
		}
		double coordinate;
		try {
			coordinate = Double.parseDouble(value.strip());
		}
		catch (NumberFormatException ex) {
			throw badLocation();
		}
		if (!Double.isFinite(coordinate)) {
			throw badLocation();
		}
		return coordinate;
	}

	private static CallbackRejectedException badLocation() {
		return new CallbackRejectedException(Reason.MALFORMED, "OA callback location is not a number");
	}

}
