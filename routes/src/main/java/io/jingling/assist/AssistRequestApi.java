package io.jingling.assist;

import java.security.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.security.ConsoleUsers;
import io.jingling.support.ApiLimit;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Assist requests: {@code GET /api/assist-requests} (newest first, {@code limit} up to
 * 500) and {@code GET /api/assist-requests/{code}} with the reach per circle. Admins,
 * dispatchers and viewers see every request; an officer only those they run. The tips of
 * a request are at {@code GET /api/tips?assistCode=}.
 */
@RestController
class AssistRequestApi {

	private static final String SUMMARY = "SELECT a.code, a.circles, a.status, a.case_officer, a.requested_by,"
			+ " a.created_at, a.valid_until, a.urgent, a.sensitive,"
			+ " (SELECT COUNT(*) FROM tip t WHERE t.assist_code = a.code) FROM assist_request a";

	private final JdbcTemplate jdbc;

	private final ConsoleUsers users;

	private final DirectoryStore directory;

	private final BroadcastReach reach;

	AssistRequestApi(JdbcTemplate jdbc, ConsoleUsers users, DirectoryStore directory, BroadcastReach reach) {
		this.jdbc = jdbc;
		this.users = users;
		this.directory = directory;
		this.reach = reach;
	}

	/** One request at a glance. */
	record Summary(String code, List<String> circles, String status, String caseOfficer, String caseOfficerName,
			String requestedBy, Instant createdAt, Instant validUntil, boolean urgent, boolean sensitive, int tips) {
	}

	/** A request in full: what it asks and how far it reached, per circle. */
	record Detail(Summary summary, String content, List<String> reach) {
	}

	@GetMapping("/api/assist-requests")
	List<Summary> list(@RequestParam(defaultValue = "50") int limit, Principal user) {
		ApiLimit.checked(limit, ApiLimit.MAX);
		Optional<String> officer = this.users.onlyOfficer(user.getName());
		String order = " ORDER BY a.created_at DESC, a.code DESC FETCH FIRST " + limit + " ROWS ONLY";
		Directory people = this.directory.current();
		if (officer.isPresent()) {
			return this.jdbc.query(SUMMARY + " WHERE a.case_officer = ?" + order, (rs, i) -> summary(rs, people),
					officer.get());
		}
		return this.jdbc.query(SUMMARY + order, (rs, i) -> summary(rs, people));
	}

	@GetMapping("/api/assist-requests/{code}")
	Detail detail(@PathVariable String code, Principal user) {
		Directory people = this.directory.current();
		Summary summary = this.jdbc.query(SUMMARY + " WHERE a.code = ?", (rs, i) -> summary(rs, people), code)
			.stream()
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条协查"));
		Optional<String> officer = this.users.onlyOfficer(user.getName());
		if (officer.isPresent() && !officer.get().equals(summary.caseOfficer())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只能查看自己主办的协查");
		}
		String content = this.jdbc.queryForObject("SELECT content FROM assist_request WHERE code = ?", String.class,
				code);
		return new Detail(summary, content, this.reach.describe(code));
	}

	private static Summary summary(ResultSet rs, Directory people) throws SQLException {
		List<String> circles = Arrays.stream(rs.getString(2).split(","))
			.filter((id) -> !id.isBlank())
			.map(people::circleName)
			.toList();
		return new Summary(rs.getString(1), circles, rs.getString(3), rs.getString(4), people.nameOf(rs.getString(4)),
				rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getBoolean(8),
				rs.getBoolean(9), rs.getInt(10));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
