package io.jingling.config;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.jingling.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The versions of each config kind. On start, a kind with no version is seeded from its
 * file (version 1, author {@code file}); one with versions gets its active version
 * applied, so the database, not the file, says what is in force. An edit is checked,
 * stored as the next version with its diff, made active and applied, all or nothing; for
 * a kind under the two-person rule ({@code jingling.config.two-person}, off by default)
 * it waits as {@code PENDING} until another admin approves it. With
 * {@code jingling.config.watch-files} on (the embedded default), a changed file is
 * proposed the same way as an edit by {@code file}; a file that does not check out is
 * refused in the log and changes nothing.
 */
@Component
public class ConfigVersions {

	private static final Logger log = LoggerFactory.getLogger(ConfigVersions.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Map<String, ConfigKind> kinds;

	private final boolean watchFiles;

	private final AuditLog audit;

	private final Set<String> twoPerson;

	private final Map<String, String> lastSeenFile = new ConcurrentHashMap<>();

	public ConfigVersions(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, List<ConfigKind> kinds,
			AuditLog audit, @Value("${jingling.config.watch-files:true}") boolean watchFiles,
			@Value("${jingling.config.two-person:}") Set<String> twoPerson) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
		this.kinds = kinds.stream().collect(Collectors.toMap(ConfigKind::name, Function.identity()));
		this.watchFiles = watchFiles;
		this.twoPerson = Set.copyOf(twoPerson);
	}

	/** Seeds or applies every kind's active version; runs once the hub is ready. */
	@EventListener(ApplicationReadyEvent.class)
	public void start() {
		for (ConfigKind kind : this.kinds.values()) {
			Optional<String> active = activeContent(kind.name());
			if (active.isEmpty()) {
				String content = kind.readSource();
				this.transaction.executeWithoutResult(
						(status) -> insert(kind.name(), 1, content, "file", "初始版本（来自文件）", "", "ACTIVE"));
				log.info("config.seed done kind={} version=1", kind.name());
				this.lastSeenFile.put(kind.name(), content);
			}
			else {
				// a file edited while the hub was down is compared with the active
				// version
				// by the first watch
				kind.apply(active.get());
			}
		}
	}

	/** The kinds there are. */
	public List<String> kinds() {
		return this.kinds.keySet().stream().sorted().toList();
	}

	/** A kind's versions, newest first, without their content. */
	public List<ConfigVersion> versions(String kind) {
		return this.jdbc.query(
				"SELECT kind, version, author, created_at, reason, status, diff, approved_by FROM config_version"
						+ " WHERE kind = ? ORDER BY version DESC",
				(rs, i) -> new ConfigVersion(rs.getString(1), rs.getInt(2), rs.getString(3),
						rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getString(8)),
				kind);
	}

	/** The number of the kind's version in force, if any. */
	public Optional<Integer> activeVersion(String kind) {
		return this.jdbc
			.queryForList("SELECT version FROM config_version WHERE kind = ? AND status = 'ACTIVE'", Integer.class,
					kind)
			.stream()
			.findFirst();
	}

	/** One version's content. */
	public Optional<String> content(String kind, int version) {
		return this.jdbc
			.queryForList("SELECT content FROM config_version WHERE kind = ? AND version = ?", String.class, kind,
					version)
			.stream()
			.findFirst();
	}

	/**
	 * Checks a candidate without saving it.
	 * @throws ConfigRefused when it does not check out
	 * @throws IllegalArgumentException for an unknown kind
	 */
	public void check(String kindName, String content) {
		checked(kind(kindName), content);
	}

	/**
	 * Checks a candidate and, if it holds, makes it the next version: in force at once,
	 * or {@code PENDING} under the two-person rule.
	 * @throws ConfigRefused when it does not check out (nothing changes)
	 * @throws IllegalArgumentException for an unknown kind
	 */
	public synchronized ConfigVersion propose(String kindName, String content, String author, String reason) {
		ConfigKind kind = kind(kindName);
		checked(kind, content);
		String before = activeContent(kindName).orElse("");
		int next = this.jdbc.queryForObject("SELECT COALESCE(MAX(version), 0) + 1 FROM config_version WHERE kind = ?",
				Integer.class, kindName);
		String diff = LineDiff.of(before, content);
		if (this.twoPerson.contains(kindName)) {
			this.transaction
				.executeWithoutResult((status) -> insert(kindName, next, content, author, reason, diff, "PENDING"));
			log.info("config.version pending kind={} version={} author={}", kindName, next, author);
			return version(kindName, next);
		}
		this.transaction.executeWithoutResult((status) -> {
			supersede(kindName);
			insert(kindName, next, content, author, reason, diff, "ACTIVE");
		});
		kind.apply(content);
		log.info("config.version added kind={} version={} author={}", kindName, next, author);
		return version(kindName, next);
	}

	/**
	 * A second admin approves a pending version: it is checked again, becomes the version
	 * in force and applies.
	 * @throws ApprovalRefused when the version is not pending or the approver proposed it
	 * @throws ConfigRefused when it no longer checks out
	 */
	public synchronized ConfigVersion approve(String kindName, int version, String approver) {
		ConfigKind kind = kind(kindName);
		List<String[]> pending = this.jdbc.query(
				"SELECT author, content FROM config_version WHERE kind = ? AND version = ? AND status = 'PENDING'",
				(rs, i) -> new String[] { rs.getString(1), rs.getString(2) }, kindName, version);
		if (pending.isEmpty()) {
			throw new ApprovalRefused("第 " + version + " 版不是待批准的版本");
		}
		if (pending.get(0)[0].equals(approver)) {
			throw new ApprovalRefused("自己提交的修改须由另一位管理员批准");
		}
		String content = pending.get(0)[1];
		checked(kind, content);
		this.transaction.executeWithoutResult((status) -> {
			supersede(kindName);
			this.jdbc.update(
					"UPDATE config_version SET status = 'ACTIVE', approved_by = ? WHERE kind = ?" + " AND version = ?",
					approver, kindName, version);
			this.audit.append(approver, AuditLog.Action.CONFIG_APPROVED, kindName + " 第 " + version + " 版", "批准生效");
		});
		kind.apply(content);
		log.info("config.version approved kind={} version={} approver={}", kindName, version, approver);
		return version(kindName, version);
	}

	/**
	 * A version as the files it stands for.
	 * @throws IllegalArgumentException for an unknown kind or version
	 */
	public Map<String, String> files(String kindName, int version) {
		return kind(kindName).files(content(kindName, version)
			.orElseThrow(() -> new IllegalArgumentException("no version " + version + " of " + kindName)));
	}

	/**
	 * Proposes the content that imported files stand for, checked like any edit.
	 * @throws ConfigRefused when the files are not the kind's or do not check out
	 */
	public ConfigVersion importFiles(String kindName, Map<String, String> files, String author, String reason) {
		String content;
		try {
			content = kind(kindName).content(files);
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigRefused(ex.getMessage());
		}
		return propose(kindName, content, author, "导入：" + reason);
	}

	/** Activates an earlier version's content as a new version. */
	public ConfigVersion rollback(String kindName, int version, String author, String reason) {
		String content = content(kindName, version)
			.orElseThrow(() -> new IllegalArgumentException("no version " + version + " of " + kindName));
		return propose(kindName, content, author, "回滚到第 " + version + " 版：" + reason);
	}

	/** Takes in config files that changed since last seen, as edits by {@code file}. */
	public void watch() {
		if (!this.watchFiles) {
			return;
		}
		for (ConfigKind kind : this.kinds.values()) {
			String content = kind.readSource();
			if (content.equals(this.lastSeenFile.get(kind.name()))) {
				continue;
			}
			this.lastSeenFile.put(kind.name(), content);
			if (content.equals(activeContent(kind.name()).orElse(null))) {
				continue;
			}
			try {
				propose(kind.name(), content, "file", "文件修改");
			}
			catch (ConfigRefused ex) {
				log.error("config.file refused kind={}, keeping the version in force: {}", kind.name(),
						ex.getMessage());
			}
		}
	}

	private static void checked(ConfigKind kind, String content) {
		try {
			kind.check(content);
		}
		catch (IllegalArgumentException ex) {
			log.warn("config.refused kind={}", kind.name());
			throw new ConfigRefused(ex.getMessage());
		}
	}

	private ConfigVersion version(String kind, int version) {
		return versions(kind).stream().filter((v) -> v.version() == version).findFirst().orElseThrow();
	}

	private ConfigKind kind(String name) {
		ConfigKind kind = this.kinds.get(name);
		if (kind == null) {
			throw new IllegalArgumentException("unknown config kind '" + name + "': use one of " + kinds());
		}
		return kind;
	}

	private Optional<String> activeContent(String kind) {
		return this.jdbc
			.queryForList("SELECT content FROM config_version WHERE kind = ? AND status = 'ACTIVE'", String.class, kind)
			.stream()
			.findFirst();
	}

	private void supersede(String kind) {
		this.jdbc.update("UPDATE config_version SET status = 'SUPERSEDED' WHERE kind = ? AND status = 'ACTIVE'", kind);
	}

	private void insert(String kind, int version, String content, String author, String reason, String diff,
			String status) {
		this.jdbc.update(
				"INSERT INTO config_version (kind, version, content, author, created_at, reason, status, diff)"
						+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				kind, version, content, author, Timestamp.from(this.clock.instant()),
				(reason.length() <= 500) ? reason : reason.substring(0, 500), status, diff);
		this.audit.append(author, AuditLog.Action.CONFIG_VERSION, kind + " 第 " + version + " 版",
				("PENDING".equals(status) ? "待批准：" : "") + reason);
	}

}
