package io.jingling.connectors.sms.push;

import io.jingling.connectors.sms.client.PhoneNumbers;

/**
 * One delivery receipt from an SmsReport push. Receipts may arrive more than once: dedupe
 * on ({@code bizId}, {@code phoneNumber}).
 *
 * @param sendTime {@code yyyy-MM-dd HH:mm:ss}, China time
 * @param reportTime when the carrier reported, same format
 * @param errCode {@code DELIVERED} on success, otherwise the carrier's code
 * @param smsSize how many billed parts the message took
 */
public record SmsReceipt(String phoneNumber, String sendTime, String reportTime, boolean success, String errCode,
		String errMsg, String smsSize, String bizId, String outId) {

	@Override
	public String toString() { // the number masked
		return "SmsReceipt[phoneNumber=" + PhoneNumbers.mask(this.phoneNumber) + ", sendTime=" + this.sendTime
				+ ", reportTime=" + this.reportTime + ", success=" + this.success + ", errCode=" + this.errCode
				+ ", errMsg=" + this.errMsg + ", smsSize=" + this.smsSize + ", bizId=" + this.bizId + ", outId="
				+ this.outId + "]";
	}

}
