package io.jingling.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out the day's codes ({@code JL-20261130-001}) inside the caller's transaction, so
 * a code is only used up when the thing it names is stored.
 */
@Component
public class CodeAllocator {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final HubProperties hub;

	private final TransactionTemplate savepoint;

	CodeAllocator(JdbcTemplate jdbc, Clock clock, HubProperties hub, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.hub = hub;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	public String next(CodeKind kind) {
		String day = LocalDate.now(clock.withZone(hub.timeZone())).format(DAY);
		int value = increment(kind.prefix(), day);
		return kind.prefix() + "-" + day + "-" + String.format("%0" + kind.digits() + "d", value);
	}

	private int increment(String prefix, String day) {
		int updated = jdbc.update(
				"UPDATE code_sequence SET last_value = last_value + 1 WHERE prefix = ? AND code_day = ?", prefix, day);
		if (updated == 0) {
			try {
				savepoint.executeWithoutResult((status) -> jdbc
					.update("INSERT INTO code_sequence (prefix, code_day, last_value) VALUES (?, ?, 1)", prefix, day));
				return 1;
			}
			catch (DuplicateKeyException ex) {
				// another node opened the day first: take the next value of its row
				jdbc.update("UPDATE code_sequence SET last_value = last_value + 1 WHERE prefix = ? AND code_day = ?",
						prefix, day);
			}
		}
		return jdbc.queryForObject("SELECT last_value FROM code_sequence WHERE prefix = ? AND code_day = ?",
				Integer.class, prefix, day);
	}

	/** The kinds of codes and their formats. */
	public enum CodeKind {

		ORDER("JL", 3), ASSIST_REQUEST("XC", 3), TIP("XS", 4);

		private final String prefix;

		private final int digits;

		CodeKind(String prefix, int digits) {
			this.prefix = prefix;
			this.digits = digits;
		}

		String prefix() {
			return prefix;
		}

		int digits() {
			return digits;
		}

	}

}
