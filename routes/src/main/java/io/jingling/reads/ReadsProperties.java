package io.jingling.reads;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read tracking settings under {@code jingling.reads.*}.
 *
 * @param pollSchedule delays after sending at which reads are polled; after the last one,
 * every {@code pollEvery}
 * @param pollEvery the interval of polls after the schedule
 * @param groupWindow how long a group message's read status is asked for (DingTalk does
 * not say how long it keeps it)
 * @param noticeWindow how long a work notification's result is asked for (24 h on
 * DingTalk)
 * @param digestAt when the daily digest goes to the command group (bureau time)
 */
@ConfigurationProperties("jingling.reads")
public record ReadsProperties(@DefaultValue( {
		"1m", "2m", "5m", "10m", "20m", "30m" }) List<Duration> pollSchedule, @DefaultValue("1h") Duration pollEvery,
		@DefaultValue("72h") Duration groupWindow, @DefaultValue("24h") Duration noticeWindow,
		@DefaultValue("18:00") LocalTime digestAt){

	/** The first poll delay after {@code elapsed} since sending. */
	Duration nextPollAfter(Duration elapsed) {
		for (Duration delay : this.pollSchedule) {
			if (delay.compareTo(elapsed) > 0) {
				return delay;
			}
		}
		Duration last = this.pollSchedule.isEmpty() ? Duration.ZERO
				: this.pollSchedule.get(this.pollSchedule.size() - 1);
		long periods = elapsed.minus(last).dividedBy(this.pollEvery) + 1;
		return last.plus(this.pollEvery.multipliedBy(periods));
	}

}
