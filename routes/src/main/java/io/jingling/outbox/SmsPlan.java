package io.jingling.outbox;

import java.util.Map;

/**
 * One SMS of an outbox row: rows of one action share the template and parameters, so they
 * go out together, up to 1,000 numbers a call.
 *
 * @param phoneNumber an officer's number; null for an informant, whose number is opened
 * from the vault only when the call is made
 * @param templateCode an approved Aliyun template
 * @param parameters the template's variables
 * @param recipientId who the number belongs to in the hub, e.g. an officer's userId
 */
public record SmsPlan(String phoneNumber, String templateCode, Map<String, String> parameters, String recipientId) {

	@Override
	public String toString() {
		return "SmsPlan[template=" + this.templateCode + "]";
	}

}
