package io.jingling.dingtalk;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import io.jingling.connectors.TokenWatch;
import io.jingling.connectors.dingtalk.DingTalkComponent;
import io.jingling.connectors.dingtalk.callback.RobotCallbackVerifier;
import io.jingling.connectors.dingtalk.client.DingTalkClient;
import io.jingling.connectors.dingtalk.client.DingTalkOffice;
import io.jingling.connectors.dingtalk.client.DingTalkSettings;
import io.jingling.connectors.dingtalk.client.SdkDingTalkClient;
import io.jingling.connectors.dingtalk.events.EventCrypto;
import io.jingling.connectors.dingtalk.events.StreamEventConsumer;
import io.jingling.connectors.dingtalk.sim.DingTalkSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Builds the DingTalk client, the Camel {@code dingtalk:} component and the callback
 * verifier. A URL key set in any configuration source is used as it is; a key left at its
 * default is pointed at the sandbox simulator when one runs.
 */
@Configuration(proxyBeanMethods = false)
class DingTalkWiring {

	private static final Logger log = LoggerFactory.getLogger(DingTalkWiring.class);

	@Bean
	DingTalkSettings dingTalkSettings(DingTalkProperties properties, Environment environment,
			ObjectProvider<DingTalkSimulator> simulator) {
		Optional<URI> sandbox = Optional.ofNullable(simulator.getIfAvailable()).map(DingTalkSimulator::baseUrl);
		URI apiUrl = effective(environment, "jingling.dingtalk.api-url", properties.apiUrl(), sandbox);
		URI oapiUrl = effective(environment, "jingling.dingtalk.oapi-url", properties.oapiUrl(), sandbox);
		log.info("dingtalk.endpoints resolved api={} oapi={}", hostOf(apiUrl), hostOf(oapiUrl));
		return new DingTalkSettings(apiUrl, oapiUrl, properties.appKey(), properties.appSecret(),
				properties.robotCode(), properties.timeout(), properties.agentId());
	}

	private static URI effective(Environment environment, String key, URI configured, Optional<URI> sandbox) {
		return environment.containsProperty(key) ? configured : sandbox.orElse(configured);
	}

	private static String hostOf(URI uri) {
		return uri.getScheme() + "://" + uri.getAuthority();
	}

	@Bean
	SdkDingTalkClient dingTalkClient(DingTalkSettings settings, Clock clock, TokenWatch tokenWatch) {
		return new SdkDingTalkClient(settings, clock, tokenWatch);
	}

	/** Check-ins, logs and approvals, on the same access token as the messages. */
	@Bean
	DingTalkOffice dingTalkOffice(SdkDingTalkClient client) {
		return client.office();
	}

	@Bean("dingtalk")
	DingTalkComponent dingTalkComponent(DingTalkClient client) {
		DingTalkComponent component = new DingTalkComponent();
		component.setClient(client);
		return component;
	}

	/**
	 * Stream mode, for a bureau without a public address: events come over one outbound
	 * connection instead of the HTTP subscription.
	 */
	@Bean
	@ConditionalOnProperty(name = "jingling.dingtalk.stream.enabled", havingValue = "true")
	StreamConnection streamConnection(DingTalkProperties properties, StreamIntake intake) {
		log.info("dingtalk.stream enabled appKey={}", properties.appKey());
		StreamEventConsumer consumer = new StreamEventConsumer(properties.appKey(), properties.appSecret(),
				intake::accept);
		return new StreamConnection(consumer::start, consumer::close, StreamConnection.RETRY_EVERY);
	}

	@Bean
	@ConditionalOnProperty("jingling.dingtalk.callback.aes-key")
	EventCrypto eventCrypto(EventCallbackProperties properties) {
		return new EventCrypto(properties.token(), properties.aesKey(), properties.ownerKey());
	}

	@Bean
	RobotCallbackVerifier robotCallbackVerifier(DingTalkProperties properties, Clock clock) {
		return new RobotCallbackVerifier(properties.appSecret(), clock);
	}

}
