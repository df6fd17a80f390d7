package io.jingling.connectors.sms.push;

import io.jingling.connectors.sms.client.PhoneNumbers;

/**
 * One reply an informant sent to the hub's number, from an SmsUp push. It carries no
 * BizId or OutId: match it to a request by number and time, or by a code the informant
 * quotes.
 *
 * @param sendTime {@code yyyy-MM-dd HH:mm:ss}, China time
 * @param destCode the extension number Aliyun assigned
 * @param sequenceId Aliyun's id of the reply (a number in older docs, a string now)
 */
public record SmsUpMessage(String phoneNumber, String content, String sendTime, String destCode, String sequenceId) {

	@Override
	public String toString() { // the number masked, the content never shown
		return "SmsUpMessage[phoneNumber=" + PhoneNumbers.mask(this.phoneNumber) + ", contentLength="
				+ ((this.content != null) ? this.content.length() : 0) + ", sendTime=" + this.sendTime + ", destCode="
				+ this.destCode + ", sequenceId=" + this.sequenceId + "]";
	}

}
