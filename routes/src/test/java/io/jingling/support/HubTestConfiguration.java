package io.jingling.support;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the hub's clock with one the tests move. */
@TestConfiguration(proxyBeanMethods = false)
public class HubTestConfiguration {

	/** 2026-11-30 09:00 in Shanghai. */
	public static final Instant START = Instant.parse("2026-11-30T01:00:00Z");

	/**
	 * The admin group operational alerts go to in the tests, apart from the command group
	 * other tests count messages in.
	 */
	public static final String ALERTS_GROUP = "cidJinglingTestAlerts==";

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock(START, ZoneId.of("Asia/Shanghai"));
	}

}
