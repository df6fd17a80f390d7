package io.jingling.schedule;

import java.time.Duration;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tick: one durable Quartz job, fired every {@code jingling.schedule.tick-period}
 * (default 10 s) from the JDBC job store. A tick missed while the hub was down is not
 * replayed one by one: the next tick runs everything that fell due meanwhile, once.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

	static final String TICK = "jingling-tick";

	@Bean
	JobDetail tickJob() {
		return JobBuilder.newJob(TickJob.class)
			.withIdentity(TICK)
			.withDescription("runs the hub's due work")
			.storeDurably()
			.build();
	}

	@Bean
	Trigger tickTrigger(JobDetail tickJob, @Value("${jingling.schedule.tick-period:10s}") Duration period) {
		return TriggerBuilder.newTrigger()
			.forJob(tickJob)
			.withIdentity(TICK)
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(period.toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
	}

}
