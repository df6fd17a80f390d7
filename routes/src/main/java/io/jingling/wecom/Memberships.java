package io.jingling.wecom;

import io.jingling.connectors.wechat.callback.WeComEvent;
import io.jingling.directory.DirectoryStore;
import io.jingling.informant.Identity;
import io.jingling.informant.Member;
import io.jingling.informant.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps circle membership current from WeCom's customer-contact callbacks: a contact
 * added through a circle's join way (its {@code State} is {@code <circle>-<township>}) is
 * enrolled in that circle; a dismissed customer group stops receiving broadcasts. (WeCom
 * does not say who joined or left a group in the callback, so group member counts are not
 * tracked from it.)
 */
@Component
class Memberships {

	private static final Logger log = LoggerFactory.getLogger(Memberships.class);

	private final Members members;

	private final DirectoryStore directory;

	private final TransactionTemplate transaction;

	Memberships(Members members, DirectoryStore directory, TransactionTemplate transaction) {
		this.members = members;
		this.directory = directory;
		this.transaction = transaction;
	}

	void apply(WeComEvent event) {
		if ("change_external_contact".equals(event.event()) && event.changeType() != null
				&& event.changeType().startsWith("add_") && event.externalUserId() != null) {
			enroll(event);
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
