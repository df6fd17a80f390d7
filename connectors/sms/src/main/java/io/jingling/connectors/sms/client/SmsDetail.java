package io.jingling.connectors.sms.client;

/**
 * One message to one number as QuerySendDetails reports it.
 *
 * @param sendStatus {@value #WAITING} waiting for the carrier's receipt, {@value #FAILED}
 * failed, {@value #DELIVERED} delivered
 * @param errCode {@code DELIVERED} on success, otherwise the carrier's code; empty while
 * waiting
 * @param sendDate {@code yyyy-MM-dd HH:mm:ss}, China time
 * @param receiveDate {@code yyyy-MM-dd HH:mm:ss}, China time; empty while waiting
 */
public record SmsDetail(String phoneNumber, int sendStatus, String errCode, String outId, String sendDate,
		String receiveDate) {

	/** Sent, no receipt yet. */
	public static final int WAITING = 1;

	/** The carrier reported a failure. */
	public static final int FAILED = 2;

	/** The carrier reported delivery. */
	public static final int DELIVERED = 3;

	@Override
	public String toString() { // the number masked
		return "SmsDetail[phoneNumber=" + PhoneNumbers.mask(this.phoneNumber) + ", sendStatus=" + this.sendStatus
				+ ", errCode=" + this.errCode + ", outId=" + this.outId + ", sendDate=" + this.sendDate
				+ ", receiveDate=" + this.receiveDate + "]";
	}

}
