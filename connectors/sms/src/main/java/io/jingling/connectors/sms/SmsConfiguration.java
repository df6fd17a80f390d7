package io.jingling.connectors.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.jingling.connectors.sms.client.SdkSmsClient;
import io.jingling.connectors.sms.client.SmsClient;
import io.jingling.connectors.sms.client.SmsSettings;
import io.jingling.connectors.sms.client.SmsTemplates;

/**
 * Spring Boot auto-configuration: binds {@link SmsProperties} ({@code jingling.sms.*}),
 * builds an {@link SdkSmsClient} when {@code jingling.sms.access-key-id} is set and no
 * other {@link SmsClient} is defined, and registers the {@code sms} Camel component with
 * that client.
 */
@AutoConfiguration
@EnableConfigurationProperties(SmsProperties.class)
public class SmsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "jingling.sms", name = "access-key-id")
	SmsClient smsClient(SmsProperties properties) {
		SmsSettings settings = properties.toSettings();
		SmsTemplates templates = SmsTemplates.of(properties.templates());
		log.info("sms.client configured endpoint={}://{} signName={} templates={}", settings.protocol(),
				settings.hostAndPort(), settings.signName(), templates);
		return new SdkSmsClient(settings, templates);
	}

	@Bean("sms")
	@ConditionalOnMissingBean(SmsComponent.class)
	SmsComponent smsComponent(ObjectProvider<SmsClient> client) {
		SmsComponent component = new SmsComponent();
		component.setClient(client.getIfUnique());
		return component;
	}

}
