package io.jingling.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.directory.DirectoryStore;
import io.jingling.outbox.Outbox;
import io.jingling.support.HubProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Raises an operational alert: the admin group ({@code jingling.alerts.group}, by default
 * the command group) is told, and the alert counted in {@code jingling.alerts} (tag
 * {@code signal}), at most once an hour per signal and subject; and the health indicator
 * {@code opsAlerts} reads {@code DEGRADED} while any signal was raised in the last hour.
 * Call it outside a transaction: its message is queued on its own.
 */
@Component("opsAlerts")
public class OpsAlerts implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(OpsAlerts.class);

	/** What the health indicator reads while a signal is recent. */
	public static final Status DEGRADED = new Status("DEGRADED", "最近一小时有运行告警");

	static final Duration RECENT = Duration.ofHours(1);

	private static final int MAX_TOLD = 10_000;

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH");

	/** The signals, with their title in the admin group. */
	public enum Signal {

		/** A platform refuses to issue an access token. */
		TOKEN("平台令牌获取失败"),
		/** The SMS account cannot send (balance, suspension, account limits). */
		SMS_ACCOUNT("短信发不出去"),
		/** Deliveries are dead-lettered faster than usual. */
		DEAD_LETTERS("死信堆积"),
		/** A WeCom broadcast task stays unconfirmed after every reminder. */
		WECOM_TASK("企业微信群发任务无人确认"),
		/** A callback endpoint refuses most of what reaches it. */
		CALLBACK_REFUSALS("回调大量被拒");

		private final String title;

		Signal(String title) {
			this.title = title;
		}

		public String title() {
			return this.title;
		}

	}

	private final Outbox outbox;

	private final DirectoryStore directory;

	private final JdbcTemplate jdbc;

	private final MeterRegistry registry;

	private final Clock clock;

	private final ZoneId zone;

	private final String group;

	private final Map<Signal, Instant> raised = new ConcurrentHashMap<>();

	/**
	 * The alerts told this hour (signal, subject and hour), so each is told and counted
	 * once.
	 */
	private final Set<String> told = ConcurrentHashMap.newKeySet();

	OpsAlerts(Outbox outbox, DirectoryStore directory, JdbcTemplate jdbc, MeterRegistry registry, Clock clock,
			HubProperties hub, @Value("${jingling.alerts.group:}") String group) {
		this.outbox = outbox;
		this.directory = directory;
		this.jdbc = jdbc;
		this.registry = registry;
		this.clock = clock;
		this.zone = hub.timeZone();
		this.group = group;
	}

	/**
	 * @param subject what the alert is about, e.g. the error code or the endpoint; one
	 * message per subject an hour
	 * @param text what happened and what to do, in Chinese; no identities or bodies
	 */
	public void raise(Signal signal, String subject, String text) {
		Instant now = this.clock.instant();
		this.raised.put(signal, now);
		String key = "alert:" + signal + ":" + subject + ":" + HOUR.format(now.atZone(this.zone));
		if (this.told.size() > MAX_TOLD) {
			this.told.clear();
		}
		if (!this.told.add(key)) {
			return;
		}
		this.registry.counter("jingling.alerts", "signal", signal.name().toLowerCase(Locale.ROOT)).increment();
		log.error("ops.alert signal={} subject={}", signal, subject);
		Optional<String> to = this.group.isBlank() ? this.directory.current().commandGroupId()
				: Optional.of(this.group);
		if (to.isEmpty() || this.jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE action_key = ?", Integer.class,
				key) > 0) {
			return;
		}
		try {
			this.outbox.toGroup(key, to.get(),
					new MessageContent("系统告警", "#### 【系统告警】" + signal.title() + "\n" + text));
		}
		catch (DuplicateKeyException ex) {
			log.debug("ops.alert already queued key={}", key);
		}
	}

	@Override
	public Health health() {
		Instant since = this.clock.instant().minus(RECENT);
		Map<String, Object> recent = new TreeMap<>();
		this.raised.forEach((signal, at) -> {
			if (at.isAfter(since)) {
				recent.put(signal.name(), at.toString());
			}
		});
		return (recent.isEmpty() ? Health.up() : Health.status(DEGRADED)).withDetails(recent).build();
	}

}
