package io.jingling.connectors.sms;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.jingling.connectors.sms.client.SdkSmsClient;
import io.jingling.connectors.sms.client.SmsClient;
import io.jingling.connectors.sms.client.SmsSettings;
import io.jingling.connectors.sms.client.SmsTemplate;
import io.jingling.connectors.sms.client.SmsTemplates;

import static org.assertj.core.api.Assertions.assertThat;

class SmsConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SmsConfiguration.class));

	@Test
	void bindsTheKeysAndBuildsTheClientAndTheComponent() {
		this.runner
			.withPropertyValues("jingling.sms.endpoint=http://127.0.0.1:8089",
					"jingling.sms.access-key-id=LTAI5tJinglingTestKey",
					"jingling.sms.access-key-secret=JinglingTestSecret0000000000000", "jingling.sms.sign-name=某县公安局",
					"jingling.sms.timeout=2s", "jingling.sms.templates[0].code=SMS_460000001",
					"jingling.sms.templates[0].parameters[0]=code", "jingling.sms.templates[1].code=SMS_460000002")
			.run((context) -> {
				SmsProperties properties = context.getBean(SmsProperties.class);
				assertThat(properties.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8089"));
				assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.templates()).containsExactly(new SmsTemplate("SMS_460000001", List.of("code")),
						new SmsTemplate("SMS_460000002", List.of()));
				assertThat(properties).asString().doesNotContain("JinglingTestSecret");
				assertThat(context).hasSingleBean(SdkSmsClient.class);
				assertThat(context.getBean("sms", SmsComponent.class).getClient())
					.isSameAs(context.getBean(SmsClient.class));
			});
	}

	@Test
	void defaultsToTheProductionEndpointAndFiveSeconds() {
		this.runner.run((context) -> {
			SmsProperties properties = context.getBean(SmsProperties.class);
			assertThat(properties.endpoint()).isEqualTo(URI.create("https://dysmsapi.aliyuncs.com"));
			assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.templates()).isEmpty();
		});
	}

	@Test
	void buildsNoClientWithoutAnAccessKeyId() {
		this.runner.withPropertyValues("jingling.sms.sign-name=某县公安局").run((context) -> {
			assertThat(context).doesNotHaveBean(SmsClient.class);
			assertThat(context.getBean("sms", SmsComponent.class).getClient()).isNull();
		});
	}

	@Test
	void aMissingSecretStopsStartUp() {
		this.runner
			.withPropertyValues("jingling.sms.access-key-id=LTAI5tJinglingTestKey", "jingling.sms.sign-name=某县公安局")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("Aliyun SMS access-key-secret is missing: set jingling.sms.access-key-secret"));
	}

	@Test
	void keepsAClientTheApplicationDefines() {
		this.runner.withPropertyValues("jingling.sms.access-key-id=LTAI5tJinglingTestKey")
			.withBean("hubSmsClient", SmsClient.class,
					() -> new SdkSmsClient(
							new SmsSettings(URI.create("http://127.0.0.1:1"), "k", "s", "签名", Duration.ofSeconds(1)),
							SmsTemplates.of(List.of())))
			.run((context) -> {
				assertThat(context).hasSingleBean(SmsClient.class).hasBean("hubSmsClient");
				assertThat(context.getBean("sms", SmsComponent.class).getClient())
					.isSameAs(context.getBean("hubSmsClient"));
			});
	}

}
