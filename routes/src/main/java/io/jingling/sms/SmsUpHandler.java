package io.jingling.sms;

import java.time.Clock;
import java.time.Instant;

import io.jingling.bots.engine.InformantMessageReceived;
import io.jingling.connectors.sms.client.PhoneNumbers;
import io.jingling.connectors.sms.push.SmsUpMessage;
import io.jingling.engine.EventRunner;
import io.jingling.inbound.Inbox;
import io.jingling.inbound.InboxEntry;
import io.jingling.inbound.InboxHandler;
import io.jingling.informant.Identity;
import io.jingling.informant.Member;
import io.jingling.informant.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * An informant's SMS reply: found by a keyed hash of the number (or enrolled, unassigned
 * to a circle), then the same tip path as 微信客服 with channel {@code sms}. An SMS carries
 * no assist request code of its own; the request is the one the text names (e.g.
 * {@code XC-20261130-007}) or the member's last one.
 */
@Component
class SmsUpHandler implements InboxHandler {

	private static final Logger log = LoggerFactory.getLogger(SmsUpHandler.class);

	private final Inbox inbox;

	private final Members members;

	private final EventRunner runner;

	private final Clock clock;

	SmsUpHandler(Inbox inbox, Members members, EventRunner runner, Clock clock) {
		this.clock = clock;
		this.inbox = inbox;
		this.members = members;
		this.runner = runner;
	}

	@Override
	public String eventType() {
		return SmsCallbackRoutes.UP;
	}

	@Override
	public boolean transactional() {
		return true;
	}

	@Override
	public void handle(InboxEntry entry) {
		SmsUpMessage reply = this.inbox.payload(entry, SmsUpMessage.class);
		String phone;
		try {
			phone = PhoneNumbers.normalise(reply.phoneNumber());
		}
		catch (IllegalArgumentException ex) {
			log.warn("sms.up ignored inboxId={}: not a mainland mobile number", entry.id());
			return;
		}
		Member member = this.members.byPhone(phone)
			.orElseGet(() -> this.members.enroll(Identity.ofPhone(phone), "unassigned", "未知", null, true));
		Instant at = this.clock.instant();
		this.members.wrote(member.id(), at, "sms");
		var event = new InformantMessageReceived("sms:" + reply.sequenceId(), at, member.id(), member.pseudonym(),
				member.circleId(), member.township(), "sms", "text", (reply.content() == null) ? "" : reply.content(),
				null, (member.lastSceneParam() == null) ? "" : member.lastSceneParam());
		this.runner.run(entry.id(), event, null);
	}

}
