package io.jingling.duty;

import io.jingling.schedule.DueWorkHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the duty board's scheduled work with the tick. */
@Configuration(proxyBeanMethods = false)
class DutyWiring {

	@Bean
	DueWorkHandler checkinReminders(DutyJobs jobs) {
		return jobs.reminders();
	}

	@Bean
	DueWorkHandler dutyBackfill(DutyJobs jobs) {
		return jobs.backfill();
	}

}
