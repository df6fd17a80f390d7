package io.jingling.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests move by hand, so nothing has to sleep. */
public final class MutableClock extends Clock {

	private volatile Instant now;

	private final ZoneId zone;

	public MutableClock(Instant start, ZoneId zone) {
		this.now = start;
		this.zone = zone;
	}

	public void advance(Duration duration) {
		now = now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new Fixed(this, zone);
	}

	@Override
	public Instant instant() {
		return now;
	}

	/** A view of the same moving instant in another zone. */
	private static final class Fixed extends Clock {

		private final MutableClock source;

		private final ZoneId zone;

		Fixed(MutableClock source, ZoneId zone) {
			this.source = source;
			this.zone = zone;
		}

		@Override
		public ZoneId getZone() {
			return zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new Fixed(source, zone);
		}

		@Override
		public Instant instant() {
			return source.instant();
		}

	}

}
