package io.jingling.worklog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.jingling.bots.engine.Officer;
import io.jingling.connectors.dingtalk.client.DingTalkOffice;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.connectors.dingtalk.client.ReportField;
import io.jingling.connectors.dingtalk.client.WorkReport;
import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.outbox.Outbox;
import io.jingling.reads.ReadTracking;
import io.jingling.schedule.DueItem;
import io.jingling.schedule.DueWork;
import io.jingling.schedule.DueWorkHandler;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls DingTalk for new logs of each configured template ({@code LOG_POLL}, every
 * {@code jingling.logs.poll-every}, as due work): a log already recorded is skipped, so
 * polling twice creates nothing twice; a new one is shared into its group and its readers
 * are tracked.
 */
@Component
public class WorkLogs implements DueWorkHandler {

	private static final Logger log = LoggerFactory.getLogger(WorkLogs.class);

	static final String POLL = "LOG_POLL";

	private static final int FIELDS_SHOWN = 4;

	private static final int FIELD_LENGTH = 60;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate savepoint;

	private final DingTalkOffice office;

	private final Outbox outbox;

	private final ReadTracking tracking;

	private final DueWork dueWork;

	private final DirectoryStore directory;

	private final WorkLogProperties properties;

	private final ZoneId zone;

	private final Clock clock;

	WorkLogs(JdbcTemplate jdbc, PlatformTransactionManager transactions, DingTalkOffice office, Outbox outbox,
			ReadTracking tracking, DueWork dueWork, DirectoryStore directory, WorkLogProperties properties,
			HubProperties hub, Clock clock) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.office = office;
		this.outbox = outbox;
		this.tracking = tracking;
		this.dueWork = dueWork;
		this.directory = directory;
		this.properties = properties;
		this.zone = hub.timeZone();
		this.clock = clock;
	}

	@Override
	public String kind() {
		return POLL;
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		if (!this.properties.templates().isEmpty()) {
			Instant now = this.clock.instant();
			this.dueWork.schedule(POLL, now.toString(), 0, now);
		}
	}

	@Override
	public void run(List<DueItem> items) {
		DueWorkHandler.each(items, (item) -> poll());
		Instant next = this.clock.instant().plus(this.properties.pollEvery());
		this.dueWork.schedule(POLL, next.toString(), 0, next);
	}

	/** Asks for each template's logs of the last day; returns how many were new. */
	public int poll() {
		Instant now = this.clock.instant();
		int found = 0;
		for (WorkLogProperties.Template template : this.properties.templates()) {
			for (WorkReport report : this.office.reports(template.name(), now.minus(Duration.ofDays(1)), now)) {
				if (recordNew(report, now)) {
					share(template, report);
					this.tracking.trackLog(report.reportId(), report.createdAt(),
							List.copyOf(this.office.reportReceivers(report.reportId())));
					found++;
				}
			}
		}
		log.info("logs.poll done templates={} new={}", this.properties.templates().size(), found);
		return found;
	}

	private boolean recordNew(WorkReport report, Instant now) {
		try {
			this.savepoint.executeWithoutResult((status) -> this.jdbc.update(
					"INSERT INTO work_log (report_id, template_name, creator_id, created_at, found_at)"
							+ " VALUES (?, ?, ?, ?, ?)",
					report.reportId(), report.templateName(), report.creatorId(), Timestamp.from(report.createdAt()),
					Timestamp.from(now)));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private void share(WorkLogProperties.Template template, WorkReport report) {
		if (template.shareTo() == null || template.shareTo().isBlank()) {
			return;
		}
		String fields = report.contents()
			.stream()
			.filter((field) -> field.value() != null && !field.value().isBlank())
			.limit(FIELDS_SHOWN)
			.map(WorkLogs::line)
			.collect(Collectors.joining("\n"));
		String time = report.createdAt().atZone(this.zone).toLocalTime().withSecond(0).withNano(0).toString();
		this.outbox.toGroup("log:" + report.reportId(), template.shareTo(),
				new MessageContent("日志 " + template.name(), "#### 【" + template.name() + "】"
						+ this.directory.current().nameOf(report.creatorId()) + " " + time + " 提交\n" + fields));
	}

	private static String line(ReportField field) {
		String value = field.value().replace('\n', ' ');
		return "- " + field.key() + "："
				+ ((value.length() <= FIELD_LENGTH) ? value : value.substring(0, FIELD_LENGTH) + "…");
	}

	/**
	 * For the digest: per template with required units, who of them has not submitted a
	 * log today, e.g. "值班日志 未交：张伟、王芳".
	 */
	public List<String> missingToday() {
		Directory people = this.directory.current();
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		Timestamp start = Timestamp.from(today.atStartOfDay(this.zone).toInstant());
		Timestamp end = Timestamp.from(today.plusDays(1).atStartOfDay(this.zone).toInstant());
		return this.properties.templates()
			.stream()
			.filter((template) -> !template.requiredUnits().isEmpty())
			.map((template) -> {
				Set<String> submitted = Set.copyOf(this.jdbc.queryForList(
						"SELECT creator_id FROM work_log WHERE template_name = ? AND created_at >= ? AND created_at < ?",
						String.class, template.name(), start, end));
				List<String> missing = people.officers()
					.values()
					.stream()
					.filter((officer) -> template.requiredUnits().contains(officer.unit())
							&& officer.roles().contains("officer"))
					.map(Officer::userId)
					.filter((userId) -> !submitted.contains(userId))
					.sorted()
					.map(people::nameOf)
					.toList();
				return template.name() + (missing.isEmpty() ? " 已全部提交" : " 未交：" + String.join("、", missing));
			})
			.toList();
	}

}
