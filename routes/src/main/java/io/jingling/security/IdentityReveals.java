package io.jingling.security;

import java.security.Principal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.jingling.audit.AuditLog;
import io.jingling.informant.Identity;
import io.jingling.informant.Member;
import io.jingling.informant.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/informants/{memberId}/identity} with {@code {"reason": "..."}}: opens
 * an informant's sealed identity for a user with the {@code informant-identity} role.
 * {@code DELETE} on the same path with the same body erases it at the informant's
 * request: the sealed identity and the keyed hashes go, the member is opted out, and the
 * pseudonym with its tips stays. Each reveal or erasure is recorded (who, whom, why,
 * when) before anything is answered; the log names the pseudonym and the user, never the
 * identity or the reason.
 */
@RestController
class IdentityReveals {

	private static final Logger log = LoggerFactory.getLogger(IdentityReveals.class);

	private static final int MIN_REASON = 4;

	private final Members members;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final AuditLog audit;

	IdentityReveals(Members members, JdbcTemplate jdbc, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.members = members;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The request body: why the identity is needed, or why it is erased. */
	record RevealRequest(String reason) {

		@Override
		public String toString() {
			return "RevealRequest[reasonLength=" + ((this.reason == null) ? 0 : this.reason.length()) + "]";
		}

	}

	@PostMapping("/api/informants/{memberId}/identity")
	@Transactional
	Map<String, Object> reveal(@PathVariable long memberId, @RequestBody RevealRequest request, Principal user) {
		if (this.members.byId(memberId).isPresent() && !this.members.hasIdentity(memberId)) {
			throw new ResponseStatusException(HttpStatus.GONE, "该线人的身份已应本人要求删除");
		}
		Member member = audited(memberId, request, user, "REVEAL", "请写明查看线人身份的理由（至少 4 个字）");
		Identity identity = this.members.identityOf(memberId);
		log.info("identity.reveal member={} by={}", member.pseudonym(), user.getName());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("memberId", memberId);
		answer.put("pseudonym", member.pseudonym());
		answer.put("name", identity.name());
		answer.put("phone", identity.phone());
		answer.put("wecomExternalUserId", identity.externalUserId());
		answer.put("officialAccountOpenId", identity.openId());
		return answer;
	}

	@DeleteMapping("/api/informants/{memberId}/identity")
	@Transactional
	Map<String, Object> erase(@PathVariable long memberId, @RequestBody RevealRequest request, Principal user) {
		Member member = audited(memberId, request, user, "ERASE", "请写明删除线人身份的理由（至少 4 个字）");
		this.members.erase(memberId);
		log.info("identity.erase member={} by={}", member.pseudonym(), user.getName());
		return Map.of("memberId", memberId, "pseudonym", member.pseudonym(), "erased", true);
	}

	private Member audited(long memberId, RevealRequest request, Principal user, String action, String missing) {
		String reason = (request.reason() == null) ? "" : request.reason().strip();
		if (reason.length() < MIN_REASON) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, missing);
		}
		Member member = this.members.byId(memberId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个线人"));
		this.jdbc.update(
				"INSERT INTO identity_reveal (username, member_id, reason, revealed_at, action)"
						+ " VALUES (?, ?, ?, ?, ?)",
				user.getName(), memberId, (reason.length() <= 500) ? reason : reason.substring(0, 500),
				Timestamp.from(this.clock.instant()), action);
		this.audit.append(user.getName(),
				"ERASE".equals(action) ? AuditLog.Action.IDENTITY_ERASE : AuditLog.Action.IDENTITY_REVEAL,
				"线人 " + member.pseudonym(), reason);
		return member;
	}

}
