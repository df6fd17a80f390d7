package io.jingling.directory;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many enterprise mass messages a WeCom customer group may receive per period. The
 * platform default is as many per month as the month has days; an admin can switch to 7 a
 * week or 1 a day.
 */
public enum QuotaPolicy {

	@JsonProperty("days-in-month")
	DAYS_IN_MONTH,

	@JsonProperty("seven-per-week")
	SEVEN_PER_WEEK,

	@JsonProperty("one-per-day")
	ONE_PER_DAY;

	/**
	 * The period a day falls in, as stored with the counts: {@code 2026-11},
	 * {@code 2026-W49}, {@code 2026-11-30}.
	 */
	public String period(LocalDate day) {
		return switch (this) {
			case DAYS_IN_MONTH -> String.format("%d-%02d", day.getYear(), day.getMonthValue());
			case SEVEN_PER_WEEK -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
					day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			case ONE_PER_DAY -> day.toString();
		};
	}

	/** How many mass messages a group may receive in the period of that day. */
	public int limit(LocalDate day) {
		return switch (this) {
			case DAYS_IN_MONTH -> day.lengthOfMonth();
			case SEVEN_PER_WEEK -> 7;
			case ONE_PER_DAY -> 1;
		};
	}

}
