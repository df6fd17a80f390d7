package io.jingling.wecom;

import java.net.URI;
import java.time.Clock;

import io.jingling.connectors.TokenWatch;
import io.jingling.connectors.wechat.WeComComponent;
import io.jingling.connectors.wechat.callback.WeComCallbackCrypto;
import io.jingling.connectors.wechat.client.WeComClient;
import io.jingling.connectors.wechat.client.WeComSettings;
import io.jingling.connectors.wechat.client.WxJavaWeComClient;
import io.jingling.connectors.wechat.sim.WeComSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Builds the WeCom client, the Camel {@code wecom:} component and the callback crypto.
 * The API URL key set in any configuration source is used as it is; left at its default,
 * it is pointed at the sandbox simulator when one runs.
 */
@Configuration(proxyBeanMethods = false)
class WeComWiring {

	private static final Logger log = LoggerFactory.getLogger(WeComWiring.class);

	@Bean
	WeComSettings weComSettings(WeComProperties properties, Environment environment,
			ObjectProvider<WeComSimulator> simulator) {
		URI apiUrl = properties.apiUrl();
		WeComSimulator sandbox = simulator.getIfAvailable();
		if (!environment.containsProperty("jingling.wecom.api-url") && sandbox != null) {
			apiUrl = sandbox.baseUrl();
		}
		log.info("wecom.endpoints resolved api={}://{}", apiUrl.getScheme(), apiUrl.getAuthority());
		return new WeComSettings(apiUrl, properties.corpId(), properties.secret(), properties.agentId(),
				properties.token(), properties.aesKey(), properties.kfId(), properties.timeout());
	}

	@Bean
	WeComClient weComClient(WeComSettings settings, TokenWatch tokenWatch) {
		return new WxJavaWeComClient(settings, tokenWatch);
	}

	@Bean("wecom")
	WeComComponent weComComponent(WeComClient client) {
		WeComComponent component = new WeComComponent();
		component.setClient(client);
		return component;
	}

	@Bean
	WeComCallbackCrypto weComCallbackCrypto(WeComProperties properties, Clock clock) {
		return new WeComCallbackCrypto(properties.token(), properties.aesKey(), properties.corpId(), clock,
				properties.callbackWindow());
	}

}
