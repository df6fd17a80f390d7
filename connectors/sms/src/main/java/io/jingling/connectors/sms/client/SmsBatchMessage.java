package io.jingling.connectors.sms.client;

import java.util.List;
import java.util.Map;

/**
 * One SendBatchSms call: one template to 1 to {@value #MAX_NUMBERS} numbers, each with
 * its own variables ({@code params.get(i)} for {@code phoneNumbers.get(i)}), all signed
 * with the configured sign name. Aliyun may deliver batches with some delay: send
 * time-critical alerts as {@link SmsMessage}.
 */
public record SmsBatchMessage(List<String> phoneNumbers, String templateCode, List<Map<String, String>> params,
		String outId) {

	/** Most numbers one SendBatchSms call takes. */
	public static final int MAX_NUMBERS = 100;

	public SmsBatchMessage {
		phoneNumbers = SmsMessage.normalised(phoneNumbers, MAX_NUMBERS, "SendBatchSms");
		templateCode = SmsMessage.requireTemplateCode(templateCode);
		if (params == null || params.size() != phoneNumbers.size()) {
			throw new IllegalArgumentException("SendBatchSms needs one parameter map per phone number: "
					+ phoneNumbers.size() + " numbers, " + ((params != null) ? params.size() : 0) + " maps");
		}
		params = params.stream().map(SmsMessage::copy).toList();
		outId = SmsMessage.requireOutId(outId);
	}

	@Override
	public String toString() { // numbers masked, variables hidden: they may name a person
		return "SmsBatchMessage[phoneNumbers=" + SmsMessage.masked(this.phoneNumbers) + ", templateCode="
				+ this.templateCode + ", params=" + this.params.size() + " maps, outId=" + this.outId + "]";
	}

}
