package io.jingling.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Console users in the database. Passwords are stored hashed; after {@link #MAX_FAILURES}
 * failed logins in a row an account is locked for {@link #LOCK_FOR}, which throttles
 * guessing without locking anyone out for good.
 */
@Component
public class ConsoleUsers implements UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(ConsoleUsers.class);

	static final int MAX_FAILURES = 5;

	static final Duration LOCK_FOR = Duration.ofMinutes(5);

	private final JdbcTemplate jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	ConsoleUsers(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		List<UserDetails> found = this.jdbc.query(
				"SELECT username, password_hash, enabled, locked_until FROM console_user WHERE username = ?",
				(rs, i) -> User.withUsername(rs.getString(1))
					.password(rs.getString(2))
					.disabled(!rs.getBoolean(3))
					.accountLocked(
							rs.getTimestamp(4) != null && rs.getTimestamp(4).toInstant().isAfter(this.clock.instant()))
					.authorities(roles(rs.getString(1)).stream()
						.map((role) -> new SimpleGrantedAuthority(role.authority()))
						.toList())
					.build(),
				username);
		if (found.isEmpty()) {
			throw new UsernameNotFoundException("no such user");
		}
		return found.get(0);
	}

	/** The user's roles. */
	public Set<Role> roles(String username) {
		return Set.copyOf(
				this.jdbc.queryForList("SELECT role FROM console_user_role WHERE username = ?", String.class, username)
					.stream()
					.map(Role::fromConfig)
					.toList());
	}

	/**
	 * Whose orders, requests and tips a user may see: empty for everyone's (admins,
	 * dispatchers, viewers); otherwise the officer the user is linked to, or an empty id
	 * (matching nothing) when not linked.
	 */
	public Optional<String> onlyOfficer(String username) {
		Set<Role> roles = roles(username);
		if (roles.contains(Role.ADMIN) || roles.contains(Role.DISPATCHER) || roles.contains(Role.VIEWER)) {
			return Optional.empty();
		}
		return Optional.of(Objects.requireNonNullElse(dingTalkUserIdOf(username), ""));
	}

	/** The DingTalk officer a console user is, if linked. */
	public String dingTalkUserIdOf(String username) {
		List<String> found = this.jdbc.queryForList("SELECT dingtalk_user_id FROM console_user WHERE username = ?",
				String.class, username);
		return found.isEmpty() ? null : found.get(0);
	}

	/** Creates a user unless one of that name exists; true when created. */
	@Transactional
	public boolean create(String username, String rawPassword, String displayName, String dingTalkUserId,
			Set<Role> roles) {
		if (this.jdbc.queryForObject("SELECT COUNT(*) FROM console_user WHERE username = ?", Integer.class,
				username) > 0) {
			return false;
		}
		this.jdbc.update(
				"INSERT INTO console_user (username, password_hash, display_name, dingtalk_user_id)"
						+ " VALUES (?, ?, ?, ?)",
				username, this.passwords.encode(rawPassword), displayName, dingTalkUserId);
		roles.forEach((role) -> this.jdbc.update("INSERT INTO console_user_role (username, role) VALUES (?, ?)",
				username, role.configName()));
		log.info("console.user created username={} roles={}", username, roles);
		return true;
	}

	/** Whether any user has the role. */
	public boolean anyWith(Role role) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM console_user_role WHERE role = ?", Integer.class,
				role.configName()) > 0;
	}

	void failed(String username) {
		Instant now = this.clock.instant();
		this.jdbc.update("UPDATE console_user SET failed_logins = failed_logins + 1 WHERE username = ?", username);
		Integer failures = this.jdbc
			.queryForList("SELECT failed_logins FROM console_user WHERE username = ?", Integer.class, username)
			.stream()
			.findFirst()
			.orElse(0);
		if (failures >= MAX_FAILURES) {
			this.jdbc.update("UPDATE console_user SET locked_until = ?, failed_logins = 0 WHERE username = ?",
					Timestamp.from(now.plus(LOCK_FOR)), username);
			log.warn("console.login locked username={} for={}", username, LOCK_FOR);
		}
	}

	void succeeded(String username) {
		this.jdbc.update("UPDATE console_user SET failed_logins = 0, locked_until = NULL WHERE username = ?", username);
	}

}
