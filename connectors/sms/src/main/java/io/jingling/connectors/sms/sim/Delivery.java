package io.jingling.connectors.sms.sim;

import java.time.Instant;

// What became of one message to one number: waiting until a test delivers it, then delivered
// or failed with the time the carrier reported, and whether its receipt reached the hub.
record Delivery(SimulatedSms sms, String phoneNumber, int status, Instant reportedAt, boolean pushed) {

	static final int WAITING = 1;

	static final int FAILED = 2;

	static final int DELIVERED = 3;

	// The carrier code a failed receipt carries: the number could not be reached.
	static final String FAILED_CODE = "MK:0001";

	static Delivery waiting(SimulatedSms sms, String phoneNumber) {
		return new Delivery(sms, phoneNumber, WAITING, null, false);
	}

	Delivery reported(boolean success, Instant at) {
		return new Delivery(this.sms, this.phoneNumber, success ? DELIVERED : FAILED, at, false);
	}

	Delivery pushedOnce() {
		return new Delivery(this.sms, this.phoneNumber, this.status, this.reportedAt, true);
	}

	String errCode() {
		return switch (this.status) {
			case DELIVERED -> "DELIVERED";
			case FAILED -> FAILED_CODE;
			default -> "";
		};
	}

	String errMsg() {
		return (this.status == DELIVERED) ? "用户接收成功" : errCode();
	}

}
