package io.jingling.tip;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jingling.audit.AuditLog;
import io.jingling.directory.DirectoryStore;
import io.jingling.security.ConsoleUsers;
import io.jingling.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case officer's verdict on a tip, and the informants' reward tally. {@code POST
 * /api/tips/{code}/rating} with {@code {"useful": true}} marks a tip useful or not
 * useful: dispatchers may rate any tip, an officer only the tips of requests they run.
 * {@code GET /api/tips/tally} counts useful tips per informant, by pseudonym only.
 */
@RestController
class TipRatings {

	private static final Logger log = LoggerFactory.getLogger(TipRatings.class);

	private final JdbcTemplate jdbc;

	private final ConsoleUsers users;

	private final DirectoryStore directory;

	private final AuditLog audit;

	TipRatings(JdbcTemplate jdbc, ConsoleUsers users, DirectoryStore directory, AuditLog audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.users = users;
		this.directory = directory;
	}

	/** The request body. */
	record Rating(Boolean useful) {
	}

	@PostMapping("/api/tips/{code}/rating")
	@Transactional
	Map<String, Object> rate(@PathVariable String code, @RequestBody Rating rating, Principal user) {
		if (rating.useful() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请写明线索是否有用：{\"useful\": true} 或 false");
		}
		List<String> caseOfficers = this.jdbc.queryForList("SELECT a.case_officer FROM tip t LEFT JOIN assist_request a"
				+ " ON a.code = t.assist_code WHERE t.code = ?", String.class, code);
		if (caseOfficers.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这条线索");
		}
		if (!this.users.roles(user.getName()).contains(Role.DISPATCHER)) {
			String officer = this.users.dingTalkUserIdOf(user.getName());
			if (officer == null || !officer.equals(caseOfficers.get(0))) {
				throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有主办民警和调度员可以评价这条线索");
			}
		}
		String verdict = rating.useful() ? "USEFUL" : "NOT_USEFUL";
		this.jdbc.update("UPDATE tip SET rating = ? WHERE code = ?", verdict, code);
		this.audit.append(user.getName(), AuditLog.Action.TIP_RATED, code, verdict);
		log.info("tip.rate code={} rating={} by={}", code, verdict, user.getName());
		return Map.of("code", code, "rating", verdict);
	}

	@GetMapping("/api/tips/tally")
	List<Map<String, Object>> tally() {
		var people = this.directory.current();
		return this.jdbc
			.query("SELECT m.pseudonym, m.circle_id, COUNT(*) FROM tip t JOIN member m ON m.id = t.member_id"
					+ " WHERE t.rating = 'USEFUL' GROUP BY m.pseudonym, m.circle_id ORDER BY COUNT(*) DESC, m.pseudonym",
					(rs, i) -> {
						Map<String, Object> row = new LinkedHashMap<>();
						row.put("pseudonym", rs.getString(1));
						row.put("circle", people.circleName(rs.getString(2)));
						row.put("usefulTips", rs.getInt(3));
						return row;
					});
	}

}
