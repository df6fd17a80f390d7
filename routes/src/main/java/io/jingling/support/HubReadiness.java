package io.jingling.support;

import org.springframework.boot.actuate.availability.ReadinessStateHealthIndicator;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's own readiness in {@code /actuator/health} and its readiness group: out of
 * service until Spring Boot says the application is ready (the callback routes started
 * and the versioned configs applied), and whenever it refuses traffic. Camel's readiness
 * indicator, which takes the readiness name, looks at the Camel context only; Tomcat
 * answers before the callback routes are registered.
 */
@Configuration(proxyBeanMethods = false)
class HubReadiness {

	@Bean
	ReadinessStateHealthIndicator hubReadinessHealthIndicator(ApplicationAvailability availability) {
		return new ReadinessStateHealthIndicator(availability);
	}

}
