package io.jingling.wxmp;

import java.net.URI;
import java.time.Clock;

import io.jingling.connectors.TokenWatch;
import io.jingling.connectors.wechat.mp.MpCallbackCrypto;
import io.jingling.connectors.wechat.mp.MpClient;
import io.jingling.connectors.wechat.mp.MpSettings;
import io.jingling.connectors.wechat.mp.WxJavaMpClient;
import io.jingling.connectors.wechat.sim.MpSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Builds the Official Account client, its callback crypto and the kefu sender the outbox
 * calls.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("jingling.wxmp.app-id")
class WxMpWiring {

	private static final Logger log = LoggerFactory.getLogger(WxMpWiring.class);

	@Bean
	MpSettings mpSettings(WxMpProperties properties, Environment environment, ObjectProvider<MpSimulator> simulator) {
		URI apiUrl = properties.apiUrl();
		MpSimulator sandbox = simulator.getIfAvailable();
		if (!environment.containsProperty("jingling.wxmp.api-url") && sandbox != null) {
			apiUrl = sandbox.baseUrl();
		}
		log.info("wxmp.endpoints resolved api={}://{}", apiUrl.getScheme(), apiUrl.getAuthority());
		return new MpSettings(apiUrl, properties.appId(), properties.secret(), properties.token(), properties.aesKey(),
				properties.timeout());
	}

	@Bean
	MpClient mpClient(MpSettings settings, TokenWatch tokenWatch) {
		return new WxJavaMpClient(settings, tokenWatch);
	}

	@Bean
	MpCallbackCrypto mpCallbackCrypto(WxMpProperties properties, Clock clock) {
		return new MpCallbackCrypto(properties.token(), properties.aesKey(), properties.appId(), clock,
				properties.callbackWindow());
	}

	@Bean("officialAccountKefu")
	OfficialAccountKefu officialAccountKefu(MpClient client) {
		return new OfficialAccountKefu(client);
	}

}
