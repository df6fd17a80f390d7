package io.jingling.connectors.sms;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The calls an {@code sms:} endpoint makes, by their URI name. */
public enum SmsOperation {

	/**
	 * Body {@link io.jingling.connectors.sms.client.SmsMessage}: SendSms, one text to up
	 * to 1000 numbers.
	 */
	SEND("send"),
	/**
	 * Body {@link io.jingling.connectors.sms.client.SmsBatchMessage}: SendBatchSms,
	 * variables per number, up to 100 numbers.
	 */
	SEND_BATCH("send-batch");

	private final String uriName;

	SmsOperation(String uriName) {
		this.uriName = uriName;
	}

	/** The name used in {@code sms:<operation>}. */
	public String uriName() {
		return this.uriName;
	}

	/** The operation named {@code uriName}. */
	public static SmsOperation fromUri(String uriName) {
		return Arrays.stream(values())
			.filter((operation) -> operation.uriName.equals(uriName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown SMS operation '" + uriName + "': use one of "
					+ Arrays.stream(values()).map(SmsOperation::uriName).collect(Collectors.joining(", "))));
	}

}
