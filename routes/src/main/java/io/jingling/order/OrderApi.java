package io.jingling.order;

import java.security.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.reads.ReadReports;
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
 * Orders with their read statistics: {@code GET /api/orders} (newest first, {@code limit}
 * up to 500), {@code GET /api/orders/{code}} (with what it says) and {@code GET
 * /api/orders/{code}/timeline} (per recipient: sent, read, each escalation step and its
 * outcome; and the read log). Admins, dispatchers and viewers see every order; an officer
 * only the orders sent to them.
 */
@RestController
class OrderApi {

	private static final String READS = "(SELECT COUNT(DISTINCT r.user_id) FROM tracked_recipient r"
			+ " JOIN tracked_message m ON m.id = r.tracked_id WHERE m.order_code = o.code%s)";

	private static final String SUMMARY = "SELECT o.code, o.target_kind, o.target_label, o.posted_by, o.posted_at,"
			+ " o.policy, o.recipient_count, o.recalled_at, " + READS.formatted("") + ", "
			+ READS.formatted(" AND r.read_at IS NOT NULL") + " FROM dispatch_order o";

	private static final String SENT_TO = " EXISTS (SELECT 1 FROM tracked_recipient r JOIN tracked_message m"
			+ " ON m.id = r.tracked_id WHERE m.order_code = o.code AND r.user_id = ?)";

	private final JdbcTemplate jdbc;

	private final ConsoleUsers users;

	private final DirectoryStore directory;

	private final ReadReports reports;

	OrderApi(JdbcTemplate jdbc, ConsoleUsers users, DirectoryStore directory, ReadReports reports) {
		this.reports = reports;
		this.jdbc = jdbc;
		this.users = users;
		this.directory = directory;
	}

	/**
	 * One order at a glance.
	 *
	 * @param targets the recipients tracked (fixed when sent)
	 * @param read how many of them have read it
	 */
	record Summary(String code, String targetKind, String target, String postedBy, String postedByName,
			Instant postedAt, String policy, int recipients, int targets, int read, Instant recalledAt) {
	}

	/** An order with what it says. */
	record Detail(Summary summary, String content) {
	}

	@GetMapping("/api/orders")
	List<Summary> list(@RequestParam(defaultValue = "50") int limit, Principal user) {
		ApiLimit.checked(limit, ApiLimit.MAX);
		Optional<String> officer = this.users.onlyOfficer(user.getName());
		String order = " ORDER BY o.posted_at DESC, o.code DESC FETCH FIRST " + limit + " ROWS ONLY";
		Directory people = this.directory.current();
		if (officer.isPresent()) {
			return this.jdbc.query(SUMMARY + " WHERE" + SENT_TO + order, (rs, i) -> summary(rs, people), officer.get());
		}
		return this.jdbc.query(SUMMARY + order, (rs, i) -> summary(rs, people));
	}

	@GetMapping("/api/orders/{code}")
	Detail detail(@PathVariable String code, Principal user) {
		Summary summary = visible(code, user);
		return new Detail(summary,
				this.jdbc.queryForObject("SELECT content FROM dispatch_order WHERE code = ?", String.class, code));
	}

	@GetMapping("/api/orders/{code}/timeline")
	Map<String, Object> timeline(@PathVariable String code, Principal user) {
		visible(code, user);
		return this.reports.timeline(code).orElseThrow();
	}

	private Summary visible(String code, Principal user) {
		Summary summary = this.jdbc
			.query(SUMMARY + " WHERE o.code = ?", (rs, i) -> summary(rs, this.directory.current()), code)
			.stream()
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条警令"));
		Optional<String> officer = this.users.onlyOfficer(user.getName());
		if (officer.isPresent()
				&& this.jdbc.queryForObject("SELECT COUNT(*) FROM dispatch_order o WHERE o.code = ?" + " AND" + SENT_TO,
						Integer.class, code, officer.get()) == 0) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只能查看发给自己的警令");
		}
		return summary;
	}

	private static Summary summary(ResultSet rs, Directory people) throws SQLException {
		return new Summary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				people.nameOf(rs.getString(4)), instant(rs.getTimestamp(5)), rs.getString(6), rs.getInt(7),
				rs.getInt(9), rs.getInt(10), instant(rs.getTimestamp(8)));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
