package io.jingling.sms;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.jingling.connectors.sms.SmsProperties;
import io.jingling.connectors.sms.client.SdkSmsClient;
import io.jingling.connectors.sms.client.SmsClient;
import io.jingling.connectors.sms.client.SmsSettings;
import io.jingling.connectors.sms.client.SmsTemplate;
import io.jingling.connectors.sms.client.SmsTemplates;
import io.jingling.connectors.sms.sim.AliyunSmsSimulator;
import io.jingling.reads.EscalationPolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Builds the Aliyun SMS client: the templates of {@code jingling.sms.templates} plus the
 * escalation policies' and the informant notices' templates, so parameters are checked
 * before any call. An endpoint set in any configuration source is used as it is; left at
 * its default, it is pointed at the sandbox simulator when one runs.
 */
@Configuration(proxyBeanMethods = false)
class SmsWiring {

	private static final Logger log = LoggerFactory.getLogger(SmsWiring.class);

	@Bean
	@ConditionalOnProperty(prefix = "jingling.sms", name = "access-key-id")
	SmsClient smsClient(SmsProperties properties, EscalationPolicies policies, InformantSms informants,
			Environment environment, ObjectProvider<AliyunSmsSimulator> simulator) {
		URI endpoint = (environment.containsProperty("jingling.sms.endpoint") || simulator.getIfAvailable() == null)
				? properties.endpoint() : simulator.getIfAvailable().baseUrl();
		SmsSettings settings = new SmsSettings(endpoint, properties.accessKeyId(), properties.accessKeySecret(),
				properties.signName(), properties.timeout());
		List<SmsTemplate> templates = new ArrayList<>(properties.templates());
		templates.add(policies.smsTemplate());
		templates.addAll(informants.templates());
		log.info("sms.endpoint resolved url={}://{} templates={}", settings.protocol(), settings.hostAndPort(),
				templates.stream().map(SmsTemplate::code).toList());
		return new SdkSmsClient(settings, SmsTemplates.of(templates));
	}

}
