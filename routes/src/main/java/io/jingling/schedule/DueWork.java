package io.jingling.schedule;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table of work with a due time. Rows are claimed before they run, so two ticks (two
 * nodes, or a tick and a test) never run one twice; a claim older than
 * {@link #STALE_CLAIM} is taken to be a node that died and runs again.
 */
@Component
public class DueWork {

	private static final Logger log = LoggerFactory.getLogger(DueWork.class);

	static final Duration STALE_CLAIM = Duration.ofMinutes(5);

	private static final int MAX_ATTEMPTS = 5;

	private static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	// handlers schedule work themselves, so they are looked up when work runs
	private final ObjectProvider<DueWorkHandler> handlers;

	DueWork(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions,
			ObjectProvider<DueWorkHandler> handlers) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.handlers = handlers;
	}

	/**
	 * Schedules work unless the same (kind, subject, step) exists already; true when this
	 * call scheduled it.
	 */
	public boolean schedule(String kind, String subject, int step, Instant dueAt) {
		try {
			this.savepoint.executeWithoutResult((status) -> this.jdbc.update(
					"INSERT INTO due_work (kind, subject, step, due_at, status) VALUES (?, ?, ?, ?, 'PENDING')", kind,
					subject, step, Timestamp.from(dueAt)));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Cancels the subject's pending work of one kind; returns how many rows. */
	public int cancel(String kind, String subject) {
		return this.jdbc.update("UPDATE due_work SET status = 'CANCELLED', done_at = ? WHERE kind = ? AND subject = ?"
				+ " AND status = 'PENDING'", Timestamp.from(this.clock.instant()), kind, subject);
	}

	/**
	 * Puts a running item back to wait until {@code until}, e.g. a step that may not act
	 * in quiet hours; it is not marked done when its handler returns.
	 */
	public void postpone(DueItem item, Instant until) {
		this.jdbc.update("UPDATE due_work SET status = 'PENDING', due_at = ?, attempts = attempts - 1 WHERE id = ?"
				+ " AND status = 'RUNNING'", Timestamp.from(until), item.id());
	}

	/** Whether the subject has work of this kind still to run. */
	public boolean pending(String kind, String subject) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM due_work WHERE kind = ? AND subject = ?"
				+ " AND status IN ('PENDING', 'RUNNING')", Integer.class, kind, subject) > 0;
	}

	/**
	 * Runs everything due by the hub's clock, a batch at a time, until nothing is due;
	 * returns how many items ran.
	 */
	public synchronized int runDue() {
		int ran = 0;
		Instant now = this.clock.instant();
		this.jdbc.update("UPDATE due_work SET status = 'PENDING' WHERE status = 'RUNNING' AND claimed_at < ?",
				Timestamp.from(now.minus(STALE_CLAIM)));
		List<DueItem> batch;
		do {
			batch = claim(now);
			byKind(batch).forEach((kind, items) -> run(kind, items, now));
			ran += batch.size();
		}
		while (batch.size() == BATCH);
		return ran;
	}

	private List<DueItem> claim(Instant now) {
		List<DueItem> due = this.jdbc.query(
				"SELECT id, kind, subject, step, due_at FROM due_work WHERE status = 'PENDING' AND due_at <= ?"
						+ " ORDER BY due_at, id FETCH FIRST " + BATCH + " ROWS ONLY",
				(rs, i) -> new DueItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
						rs.getTimestamp(5).toInstant()),
				Timestamp.from(now));
		return due.stream()
			.filter((item) -> this.jdbc.update(
					"UPDATE due_work SET status = 'RUNNING', claimed_at = ?,"
							+ " attempts = attempts + 1 WHERE id = ? AND status = 'PENDING'",
					Timestamp.from(now), item.id()) == 1)
			.toList();
	}

	private static Map<String, List<DueItem>> byKind(List<DueItem> items) {
		return items.stream().collect(Collectors.groupingBy(DueItem::kind, LinkedHashMap::new, Collectors.toList()));
	}

	private void run(String kind, List<DueItem> items, Instant now) {
		DueWorkHandler handler = this.handlers.stream()
			.filter((candidate) -> candidate.kind().equals(kind))
			.findFirst()
			.orElse(null);
		Map<Long, String> errors = Map.of();
		if (handler == null) {
			errors = items.stream().collect(Collectors.toMap(DueItem::id, (item) -> "no handler for " + kind));
		}
		else {
			try {
				handler.run(items);
			}
			catch (DueWorkFailed failed) {
				errors = failed.errors();
			}
			catch (RuntimeException ex) {
				log.warn("due.run failed kind={} items={} error={}", kind, items.size(), ex.toString());
				errors = items.stream().collect(Collectors.toMap(DueItem::id, (item) -> ex.getClass().getSimpleName()));
			}
		}
		for (DueItem item : items) {
			String error = errors.get(item.id());
			if (error == null) {
				this.jdbc.update("UPDATE due_work SET status = 'DONE', done_at = ? WHERE id = ? AND status = 'RUNNING'",
						Timestamp.from(now), item.id());
			}
			else {
				retryOrGiveUp(item, error, now);
			}
		}
		log.info("due.run kind={} items={} failed={}", kind, items.size(), errors.size());
	}

	private void retryOrGiveUp(DueItem item, String error, Instant now) {
		int attempts = this.jdbc.queryForObject("SELECT attempts FROM due_work WHERE id = ?", Integer.class, item.id());
		String reason = (error.length() <= 500) ? error : error.substring(0, 500);
		if (attempts >= MAX_ATTEMPTS) {
			this.jdbc.update("UPDATE due_work SET status = 'FAILED', done_at = ?, last_error = ? WHERE id = ?",
					Timestamp.from(now), reason, item.id());
			log.warn("due.run gave up kind={} subject={} step={} attempts={}", item.kind(), item.subject(), item.step(),
					attempts);
			return;
		}
		Duration backoff = Duration.ofMinutes(1L << (attempts - 1));
		this.jdbc.update("UPDATE due_work SET status = 'PENDING', due_at = ?, last_error = ? WHERE id = ?",
				Timestamp.from(now.plus(backoff)), reason, item.id());
	}

}
