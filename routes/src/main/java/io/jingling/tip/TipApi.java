package io.jingling.tip;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.security.ConsoleUsers;
import io.jingling.support.ApiLimit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tips inbox: {@code GET /api/tips} (newest first; {@code assistCode} for one
 * request's tips, {@code limit} up to 500). Informants appear by pseudonym, circle and
 * township only, never by a platform id or phone. Admins and dispatchers see every tip;
 * an officer only the tips of requests they run.
 */
@RestController
class TipApi {

	private final JdbcTemplate jdbc;

	private final ConsoleUsers users;

	private final DirectoryStore directory;

	TipApi(JdbcTemplate jdbc, ConsoleUsers users, DirectoryStore directory) {
		this.jdbc = jdbc;
		this.users = users;
		this.directory = directory;
	}

	/**
	 * One tip.
	 *
	 * @param linkedBy how it was linked to its request (KF link, code in the text, latest
	 * in the circle, or none)
	 * @param rating {@code USEFUL}, {@code NOT_USEFUL} or null
	 */
	record Tip(String code, String assistCode, long memberId, String pseudonym, String circle, String township,
			String kind, String content, boolean media, Instant receivedAt, String linkedBy, String rating) {
	}

	@GetMapping("/api/tips")
	List<Tip> list(@RequestParam(required = false) String assistCode, @RequestParam(defaultValue = "50") int limit,
			Principal user) {
		ApiLimit.checked(limit, ApiLimit.MAX);
		StringBuilder sql = new StringBuilder("SELECT t.code, t.assist_code, m.id, m.pseudonym, m.circle_id,"
				+ " m.township, t.kind, t.content, t.media_ref, t.received_at, t.linked_by, t.rating FROM tip t"
				+ " JOIN member m ON m.id = t.member_id LEFT JOIN assist_request a ON a.code = t.assist_code"
				+ " WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		Optional<String> officer = this.users.onlyOfficer(user.getName());
		if (officer.isPresent()) {
			sql.append(" AND a.case_officer = ?");
			args.add(officer.get());
		}
		if (assistCode != null && !assistCode.isBlank()) {
			sql.append(" AND t.assist_code = ?");
			args.add(assistCode);
		}
		sql.append(" ORDER BY t.received_at DESC, t.code DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
		Directory people = this.directory.current();
		return this.jdbc.query(sql.toString(),
				(rs, i) -> new Tip(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
						people.circleName(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
						rs.getString(9) != null, rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getString(12)),
				args.toArray());
	}

}
