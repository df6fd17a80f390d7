package io.jingling.assist;

import org.apache.camel.builder.RouteBuilder;

import org.springframework.stereotype.Component;

/**
 * Checks WeCom, on a timer, which broadcast tasks owners have confirmed and which groups
 * got them.
 */
@Component
class ReachRoutes extends RouteBuilder {

	private final BroadcastReach reach;

	private final TaskReminders reminders;

	ReachRoutes(BroadcastReach reach, TaskReminders reminders) {
		this.reach = reach;
		this.reminders = reminders;
	}

	@Override
	public void configure() {
		// @formatter:off
		from("timer:wecom-reach?period={{jingling.wecom.reach-poll-period:60000}}")
			.routeId("wecom-reach-poll")
			.bean(this.reach, "poll")
			.bean(this.reminders, "remindDue");
		// @formatter:on
	}

}
