package io.jingling.connectors.dingtalk.client;

import java.time.Instant;

/**
 * One check-in (签到) by a user: when, the place DingTalk named and its detailed address,
 * and the coordinates when DingTalk gives them (null otherwise). {@code toString()} hides
 * who and where.
 */
public record CheckinRecord(String userId, Instant at, String place, String detailPlace, Double latitude,
		Double longitude) {

	@Override
	public String toString() { // where a person was is personal data
		return "CheckinRecord[at=" + this.at + ", userId=(hidden), place=(hidden)]";
	}

}
