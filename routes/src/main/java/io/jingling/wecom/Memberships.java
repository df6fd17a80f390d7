package io.jingling.wecom;

import java.sql.Timestamp;
import java.time.Clock;

import io.jingling.connectors.wechat.callback.WeComEvent;
import io.jingling.directory.DirectoryStore;
import io.jingling.informant.Identity;
import io.jingling.informant.Member;
import io.jingling.informant.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps circle membership current from WeCom's customer-contact callbacks: a contact
 * added through a circle's join way (its {@code State} is {@code <circle>-<township>}) is
 * enrolled in that circle; a dismissed customer group stops receiving broadcasts; the
 * group's member count follows {@code add_member}/{@code del_member}
 * ({@code MemChangeCnt}, which says how many, never who).
 */
@Component
class Memberships {

	private static final Logger log = LoggerFactory.getLogger(Memberships.class);

	private final Members members;

	private final DirectoryStore directory;

	private final TransactionTemplate transaction;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Memberships(Members members, DirectoryStore directory, TransactionTemplate transaction, JdbcTemplate jdbc,
			Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.members = members;
		this.directory = directory;
		this.transaction = transaction;
	}

	void apply(WeComEvent event) {
		if ("change_external_contact".equals(event.event()) && event.changeType() != null
				&& event.changeType().startsWith("add_") && event.externalUserId() != null) {
			enroll(event);
		}
		else if ("change_external_chat".equals(event.event()) && event.memberChange() > 0
				&& ("add_member".equals(event.updateDetail()) || "del_member".equals(event.updateDetail()))) {
			count(event.chatId(),
					"add_member".equals(event.updateDetail()) ? event.memberChange() : -event.memberChange());
		}
		else if ("change_external_chat".equals(event.event()) && "dismiss".equals(event.changeType())) {
			this.transaction.executeWithoutResult((status) -> this.directory.dismiss(event.chatId()));
			log.warn("wecom.group dismissed chat={}: it gets no broadcasts; remove it from config/circles.yaml",
					event.chatId());
		}
		else {
			log.info("wecom.event recorded type={} change={}", event.event(), event.changeType());
		}
	}

	/**
	 * Moves a group's member count; the first change to a group starts from the hub's own
	 * members in it.
	 */
	private void count(String chatId, int change) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.transaction.executeWithoutResult((status) -> {
			if (this.jdbc.update("UPDATE group_member_count SET members = GREATEST(members + ?, 0), updated_at = ?"
					+ " WHERE chat_id = ?", change, now, chatId) == 0) {
				int known = this.jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE chat_id = ?", Integer.class,
						chatId);
				this.jdbc.update("INSERT INTO group_member_count (chat_id, members, updated_at) VALUES (?, ?, ?)",
						chatId, Math.max(known + change, 0), now);
			}
		});
		log.info("wecom.group members-changed chat={} change={}", chatId, change);
	}

	private void enroll(WeComEvent event) {
		String state = (event.state() == null) ? "" : event.state();
		int dash = state.indexOf('-');
		String circle = (dash > 0) ? state.substring(0, dash) : state;
		if (this.directory.current().circles().stream().noneMatch((c) -> c.id().equals(circle))) {
			log.info("wecom.contact added without a circle's join way; enrolled when they first write");
			return;
		}
		String township = (dash > 0) ? state.substring(dash + 1) : "未知";
		Member member = this.transaction.execute((status) -> this.members
			.enroll(Identity.ofWeCom(event.externalUserId()), circle, township, null, false));
		log.info("wecom.contact enrolled member={} circle={}", member.pseudonym(), circle);
	}

}
