package io.jingling.connectors.dingtalk.client;

import java.time.Instant;

/**
 * One attendance punch (考勤打卡): when, {@code checkType} {@code OnDuty} or {@code OffDuty},
 * {@code timeResult} ({@code Normal}, {@code Early}, {@code Late}, {@code SeriousLate},
 * {@code Absenteeism}, {@code NotSigned}), {@code locationResult} ({@code Normal},
 * {@code Outside}, {@code NotSigned}) and the address DingTalk recorded.
 * {@code toString()} hides who and where.
 */
public record AttendanceRecord(String userId, Instant at, String checkType, String timeResult, String locationResult,
		String address) {

	@Override
	public String toString() { // where a person was is personal data
		return "AttendanceRecord[at=" + this.at + ", checkType=" + this.checkType + ", timeResult=" + this.timeResult
				+ ", locationResult=" + this.locationResult + ", userId=(hidden), address=(hidden)]";
	}

}
