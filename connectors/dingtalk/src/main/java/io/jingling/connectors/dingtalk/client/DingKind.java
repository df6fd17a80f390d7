package io.jingling.connectors.dingtalk.client;

/**
 * How a DING (钉一下) reaches its receivers: in the DingTalk app, by SMS, or by a phone
 * call. SMS and phone DING use the tenant's purchased quota and take fewer receivers per
 * call.
 */
public enum DingKind {

	/** In-app DING, remindType 1: up to 200 receivers per call. */
	APP(1, 200),
	/** SMS DING, remindType 2: up to 20 receivers per call. */
	SMS(2, 20),
	/** Phone DING, remindType 3: up to 20 receivers per call. */
	CALL(3, 20);

	private final int remindType;

	private final int maxReceivers;

	DingKind(int remindType, int maxReceivers) {
		this.remindType = remindType;
		this.maxReceivers = maxReceivers;
	}

	/** The most receivers DingTalk takes in one DING of this kind. */
	public int maxReceivers() {
		return this.maxReceivers;
	}

	int remindType() {
		return this.remindType;
	}

}
