package io.jingling.duty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import io.jingling.connectors.dingtalk.client.AttendanceRecord;
import io.jingling.connectors.dingtalk.client.CheckinRecord;
import io.jingling.connectors.dingtalk.client.DingKind;
import io.jingling.connectors.dingtalk.client.DingTalkOffice;
import io.jingling.outbox.Outbox;
import io.jingling.schedule.DueItem;
import io.jingling.schedule.DueWork;
import io.jingling.schedule.DueWorkHandler;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The duty board's scheduled work. {@code CHECKIN_REMIND}: at
 * {@code jingling.duty.check-in-by} every day, a DING to each on-duty officer who has not
 * checked in. {@code DUTY_BACKFILL}: on every start, today's check-ins and attendance
 * punches are read from DingTalk's query APIs, so punches made while the hub was down are
 * on the board.
 */
@Component
class DutyJobs {

	private static final Logger log = LoggerFactory.getLogger(DutyJobs.class);

	static final String REMIND = "CHECKIN_REMIND";

	static final String BACKFILL = "DUTY_BACKFILL";

	private final DueWork dueWork;

	private final DutyBoard board;

	private final DingTalkOffice office;

	private final Outbox outbox;

	private final DutyProperties properties;

	private final ZoneId zone;

	private final Clock clock;

	DutyJobs(DueWork dueWork, DutyBoard board, DingTalkOffice office, Outbox outbox, DutyProperties properties,
			HubProperties hub, Clock clock) {
		this.dueWork = dueWork;
		this.board = board;
		this.office = office;
		this.outbox = outbox;
		this.properties = properties;
		this.zone = hub.timeZone();
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		Instant now = this.clock.instant();
		this.dueWork.schedule(BACKFILL, now.toString(), 0, now);
		scheduleReminderAfter(now);
	}

	private void scheduleReminderAfter(Instant instant) {
		ZonedDateTime now = instant.atZone(this.zone);
		ZonedDateTime at = now.toLocalDate().atTime(this.properties.checkInBy()).atZone(this.zone);
		if (!at.isAfter(now)) {
			at = at.plusDays(1);
		}
		this.dueWork.schedule(REMIND, at.toLocalDate().toString(), 0, at.toInstant());
	}

	/** Reminds who is missing and schedules tomorrow's reminder. */
	DueWorkHandler reminders() {
		return new DueWorkHandler() {
			@Override
			public String kind() {
				return REMIND;
			}

			@Override
			public void run(List<DueItem> items) {
				for (DueItem item : items) {
					List<String> missing = DutyJobs.this.board.missing();
					if (!missing.isEmpty()) {
						DutyJobs.this.outbox.ding("duty:remind:" + item.subject(), missing,
								"【签到提醒】今天 " + DutyJobs.this.properties.checkInBy() + " 前应签到，您还没有签到，请尽快签到。",
								DingKind.APP);
					}
					log.info("duty.remind day={} missing={}", item.subject(), missing.size());
				}
				scheduleReminderAfter(DutyJobs.this.clock.instant());
			}
		};
	}

	/** Reads today's check-ins and punches from DingTalk onto the board. */
	DueWorkHandler backfill() {
		return new DueWorkHandler() {
			@Override
			public String kind() {
				return BACKFILL;
			}

			@Override
			public void run(List<DueItem> items) {
				DueWorkHandler.each(items, (item) -> fill());
			}
		};
	}

	private void fill() {
		// the query ranges are half-open: take this second in too
		Instant now = this.clock.instant().plusSeconds(1);
		Instant start = LocalDate.now(this.clock.withZone(this.zone)).atStartOfDay(this.zone).toInstant();
		List<String> officers = this.board.onDuty();
		int added = 0;
		for (CheckinRecord record : this.office.checkins(officers, start, now)) {
			added += this.board.record(record.userId(), record.at(), "checkin", record.place(), false) ? 1 : 0;
		}
		for (AttendanceRecord record : this.office.attendance(officers, start, now, this.zone)) {
			added += this.board.record(record.userId(), record.at(), "attendance", record.address(),
					"Outside".equals(record.locationResult())) ? 1 : 0;
		}
		log.info("duty.backfill done officers={} added={}", officers.size(), added);
	}

}
