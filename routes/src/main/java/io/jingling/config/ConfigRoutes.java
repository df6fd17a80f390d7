package io.jingling.config;

import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/** Looks for changed config files every {@code jingling.config.watch-period} ms. */
@Component
class ConfigRoutes extends RouteBuilder {

	private final ConfigVersions versions;

	ConfigRoutes(ConfigVersions versions) {
		this.versions = versions;
	}

	@Override
	public void configure() {
		from("timer:config-watch?delay=2000&period={{jingling.config.watch-period:2000}}").routeId("config-watch")
			.bean(this.versions, "watch");
	}

}
