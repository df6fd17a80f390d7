package io.jingling.support;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole hub, in the bureau's zone, so tests can replace it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock(HubProperties hub) {
		return Clock.system(hub.timeZone());
	}

}
