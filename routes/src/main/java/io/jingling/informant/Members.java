package io.jingling.informant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.jingling.directory.DirectoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Circle members: found by platform id through the vault's keyed lookup hash, enrolled
 * with a pseudonym, and tracked for the reply window of the channel they last wrote on
 * (48 hours after they wrote, at most five replies).
 */
@Component
public class Members {

	private static final Logger log = LoggerFactory.getLogger(Members.class);

	static final Duration REPLY_WINDOW = Duration.ofHours(48);

	static final int REPLIES_PER_WINDOW = 5;

	private static final String COLUMNS = "id, pseudonym, circle_id, township, last_scene_param, opted_out";

	private static final RowMapper<Member> MEMBER = (rs, i) -> new Member(rs.getLong(1), rs.getString(2),
			rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6));

	private final JdbcTemplate jdbc;

	private final IdentityVault vault;

	private final DirectoryStore directory;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	Members(JdbcTemplate jdbc, IdentityVault vault, DirectoryStore directory, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.vault = vault;
		this.directory = directory;
		this.clock = clock;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	public Optional<Member> byExternalUserId(String externalUserId) {
		return byLookup(this.vault.lookupHash("wecom", externalUserId));
	}

	public Optional<Member> byOpenId(String openId) {
		return byLookup(this.vault.lookupHash("wxmp", openId));
	}

	/** Whether the member's identity is still sealed in the vault (not erased). */
	public boolean hasIdentity(long memberId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM member_identity WHERE member_id = ?", Integer.class,
				memberId) > 0;
	}

	/**
	 * Erases the member's identity at their request: the sealed identity and the keyed
	 * hashes that find them go, and they get no more broadcasts or SMS; the pseudonym and
	 * its tips stay. Someone writing again from the same account is enrolled anew.
	 */
	public void erase(long memberId) {
		this.jdbc.update("DELETE FROM member_identity WHERE member_id = ?", memberId);
		this.jdbc.update("UPDATE member SET lookup_hash = ?, phone_hash = NULL, opted_out = TRUE WHERE id = ?",
				"erased:" + memberId, memberId);
		log.info("member.erase done memberId={}", memberId);
	}

	/** The member who gave this phone number (SMS replies), if any. */
	public Optional<Member> byPhone(String phone) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM member WHERE phone_hash = ?", MEMBER,
					this.vault.lookupHash("phone", phone))
			.stream()
			.findFirst();
	}

	public Optional<Member> byId(long id) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM member WHERE id = ?", MEMBER, id).stream().findFirst();
	}

	/**
	 * Enrols a member (or returns the one already enrolled for that platform id) with the
	 * next pseudonym of the circle, e.g. {@code 交通运输圈-0007}.
	 */
	public Member enroll(Identity identity, String circleId, String township, String chatId, boolean smsConsent) {
		String phoneHash = (identity.phone() != null) ? this.vault.lookupHash("phone", identity.phone()) : null;
		String hash = (identity.externalUserId() != null) ? this.vault.lookupHash("wecom", identity.externalUserId())
				: (identity.openId() != null) ? this.vault.lookupHash("wxmp", identity.openId()) : phoneHash;
		Optional<Member> known = byLookup(hash);
		if (known.isPresent()) {
			return known.get();
		}
		String pseudonym = this.directory.current().circleName(circleId) + "-"
				+ String.format("%04d", nextNumber(circleId));
		this.jdbc.update(
				"INSERT INTO member (pseudonym, circle_id, township, chat_id, lookup_hash, phone_hash, sms_consent,"
						+ " joined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				pseudonym, circleId, township, chatId, hash, phoneHash, smsConsent,
				Timestamp.from(this.clock.instant()));
		Member member = byLookup(hash).orElseThrow();
		this.jdbc.update("INSERT INTO member_identity (member_id, sealed) VALUES (?, ?)", member.id(),
				this.vault.seal(identity));
		log.info("member.enroll done member={} circle={}", member.pseudonym(), circleId);
		return member;
	}

	/**
	 * The member's platform ids, opened from the vault to talk to them; never for
	 * display.
	 */
	public Identity identityOf(long memberId) {
		String sealed = this.jdbc.queryForObject("SELECT sealed FROM member_identity WHERE member_id = ?", String.class,
				memberId);
		return this.vault.open(sealed);
	}

	/**
	 * The member wrote on a channel ({@code kf} or {@code oa}): the reply window opens
	 * again there.
	 */
	public void wrote(long memberId, Instant at, String channel) {
		this.jdbc.update("UPDATE member SET last_message_at = ?, replies_since = 0, last_channel = ? WHERE id = ?",
				Timestamp.from(at), channel, memberId);
	}

	/** The channel the member last wrote on, where answers go. */
	public String channelOf(long memberId) {
		return this.jdbc.queryForObject("SELECT last_channel FROM member WHERE id = ?", String.class, memberId);
	}

	/**
	 * The member opened the chat through a broadcast's link, which carried an assist
	 * code.
	 */
	public void enteredThrough(long memberId, String sceneParam) {
		if (sceneParam != null && !sceneParam.isBlank()) {
			this.jdbc.update("UPDATE member SET last_scene_param = ? WHERE id = ?", sceneParam, memberId);
		}
	}

	/**
	 * Takes one reply from the member's window; false when the window is closed (48 hours
	 * since they last wrote, or five replies already), and then nothing is taken.
	 */
	public boolean takeReply(long memberId) {
		Timestamp windowStart = Timestamp.from(this.clock.instant().minus(REPLY_WINDOW));
		return this.jdbc.update(
				"UPDATE member SET replies_since = replies_since + 1 WHERE id = ?"
						+ " AND last_message_at > ? AND replies_since < ?",
				memberId, windowStart, REPLIES_PER_WINDOW) == 1;
	}

	public void optOut(long memberId) {
		this.jdbc.update("UPDATE member SET opted_out = TRUE WHERE id = ?", memberId);
	}

	/** Members who sent tips for an assist request. */
	public List<Long> tipstersOf(String assistCode) {
		return this.jdbc.queryForList("SELECT DISTINCT member_id FROM tip WHERE assist_code = ? ORDER BY member_id",
				Long.class, assistCode);
	}

	private Optional<Member> byLookup(String hash) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM member WHERE lookup_hash = ?", MEMBER, hash)
			.stream()
			.findFirst();
	}

	private int nextNumber(String circleId) {
		if (this.jdbc.update("UPDATE circle_counter SET last_value = last_value + 1 WHERE circle_id = ?",
				circleId) == 0) {
			try {
				this.savepoint.executeWithoutResult((status) -> this.jdbc
					.update("INSERT INTO circle_counter (circle_id, last_value) VALUES (?, 1)", circleId));
				return 1;
			}
			catch (DuplicateKeyException ex) {
				this.jdbc.update("UPDATE circle_counter SET last_value = last_value + 1 WHERE circle_id = ?", circleId);
			}
		}
		return this.jdbc.queryForObject("SELECT last_value FROM circle_counter WHERE circle_id = ?", Integer.class,
				circleId);
	}

}
