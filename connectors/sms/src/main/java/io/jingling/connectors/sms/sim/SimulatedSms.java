package io.jingling.connectors.sms.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.jingling.connectors.sms.client.PhoneNumbers;

/**
 * A message the simulator accepted. A SendSms call is one message to all its numbers; a
 * SendBatchSms call is one message per number, all with the call's BizId, since each
 * number has its own sign and variables.
 *
 * @param bizId {@code <n>^0}, as Aliyun's BizIds look
 * @param phoneNumbers 11 digits each, country prefix removed
 * @param params the template variables as sent
 */
public record SimulatedSms(String bizId, String outId, List<String> phoneNumbers, String templateCode,
		Map<String, String> params, String signName, Instant sentAt) {

	@Override
	public String toString() { // numbers masked, variables hidden
		return "SimulatedSms[bizId=" + this.bizId + ", outId=" + this.outId + ", phoneNumbers="
				+ this.phoneNumbers.stream().map(PhoneNumbers::mask).toList() + ", templateCode=" + this.templateCode
				+ ", params=" + this.params.keySet() + ", signName=" + this.signName + ", sentAt=" + this.sentAt + "]";
	}

}
