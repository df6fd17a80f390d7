package io.jingling.connectors.sms;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.jingling.connectors.sms.client.SmsSettings;
import io.jingling.connectors.sms.client.SmsTemplate;

/**
 * The {@code jingling.sms.*} keys. Only {@link SmsConfiguration} turns them into a
 * client, and only when {@code access-key-id} is set; a missing secret or sign name then
 * fails start-up naming the key.
 *
 * @param endpoint Aliyun SMS endpoint URL; the simulator's base URL in tests and the
 * embedded run
 * @param templates the approved templates a send may use, with their variable names
 */
@ConfigurationProperties("jingling.sms")
public record SmsProperties(@DefaultValue("https://dysmsapi.aliyuncs.com") URI endpoint, String accessKeyId,
		String accessKeySecret, String signName, @DefaultValue("5s") Duration timeout, List<SmsTemplate> templates) {

	public SmsProperties {
		templates = (templates != null) ? List.copyOf(templates) : List.of();
	}

	/** The client settings; fails with a message naming the missing key. */
	public SmsSettings toSettings() {
		return new SmsSettings(this.endpoint, this.accessKeyId, this.accessKeySecret, this.signName, this.timeout);
	}

	@Override
	public String toString() { // the AccessKey secret never reaches logs or dumps
		return "SmsProperties[endpoint=" + this.endpoint + ", accessKeyId=" + this.accessKeyId + ", signName="
				+ this.signName + ", timeout=" + this.timeout + ", templates="
				+ this.templates.stream().map(SmsTemplate::code).toList() + "]";
	}

}
