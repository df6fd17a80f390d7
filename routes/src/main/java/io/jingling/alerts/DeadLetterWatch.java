package io.jingling.alerts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.jingling.outbox.DeliveryListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Dead letters piling up: when {@code jingling.alerts.dead-letters-per-hour} (10) or more
 * deliveries were dead-lettered within an hour, the admins are told. The gauge
 * {@code jingling.dead.letters.open} counts those not replayed.
 */
@Component
class DeadLetterWatch implements DeliveryListener {

	private final JdbcTemplate jdbc;

	private final OpsAlerts alerts;

	private final int perHour;

	DeadLetterWatch(JdbcTemplate jdbc, OpsAlerts alerts, MeterRegistry registry,
			@Value("${jingling.alerts.dead-letters-per-hour:10}") int perHour) {
		this.jdbc = jdbc;
		this.alerts = alerts;
		this.perHour = perHour;
		Gauge.builder("jingling.dead.letters.open", this::open)
			.description("dead letters not replayed")
			.register(registry);
	}

	@Override
	public void dead(DeliveredRow row, String code, Instant at) {
		int lastHour = this.jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE created_at > ?", Integer.class,
				Timestamp.from(at.minus(Duration.ofHours(1))));
		if (lastHour >= this.perHour) {
			this.alerts.raise(OpsAlerts.Signal.DEAD_LETTERS, "hour", "最近一小时有 " + lastHour + " 条投递进了死信（最近一条："
					+ row.operation() + "，错误码 " + code + "）。请到控制台「死信」查看原因，处理后重放。");
		}
	}

	private double open() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE replayed_at IS NULL", Integer.class);
	}

}
