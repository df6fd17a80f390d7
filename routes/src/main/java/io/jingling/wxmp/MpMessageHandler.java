package io.jingling.wxmp;

import java.time.Instant;

import io.jingling.bots.engine.InformantMessageReceived;
import io.jingling.connectors.wechat.mp.MpMessage;
import io.jingling.engine.EventRunner;
import io.jingling.inbound.Inbox;
import io.jingling.inbound.InboxEntry;
import io.jingling.inbound.InboxHandler;
import io.jingling.informant.Identity;
import io.jingling.informant.Member;
import io.jingling.informant.Members;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A follower's message to the Official Account, after {@link MpMediaStage}: found (or
 * enrolled, unassigned to a circle) by the openid's keyed hash, then the same tip path as
 * 微信客服 with channel {@code oa}.
 */
@Component
@ConditionalOnProperty("jingling.wxmp.app-id")
class MpMessageHandler implements InboxHandler {

	private final Inbox inbox;

	private final Members members;

	private final EventRunner runner;

	MpMessageHandler(Inbox inbox, Members members, EventRunner runner) {
		this.inbox = inbox;
		this.members = members;
		this.runner = runner;
	}

	static final String TYPE = "MpInbound";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public boolean transactional() {
		return true;
	}

	@Override
	public void handle(InboxEntry entry) {
		MpInbound inbound = this.inbox.payload(entry, MpInbound.class);
		MpMessage message = inbound.message();
		if (message.openId() == null || message.event() != null && !message.event().isBlank()) {
			return;
		}
		Member member = this.members.byOpenId(message.openId())
			.orElseGet(() -> this.members.enroll(Identity.ofOfficialAccount(message.openId()), "unassigned", "未知", null,
					false));
		Instant at = Instant.ofEpochSecond(message.createTime());
		this.members.wrote(member.id(), at, "oa");
		var event = new InformantMessageReceived("wxmp:" + message.msgId(), at, member.id(), member.pseudonym(),
				member.circleId(), member.township(), "oa", kind(message), text(message), inbound.evidence(),
				(member.lastSceneParam() == null) ? "" : member.lastSceneParam());
		this.runner.run(entry.id(), event, null);
	}

	private static String kind(MpMessage message) {
		return switch (message.msgType()) {
			case "location" -> "location";
			case "image" -> "image";
			case "voice" -> "voice";
			default -> "text";
		};
	}

	private static String text(MpMessage message) {
		if (message.content() != null) {
			return message.content();
		}
		return (message.label() != null) ? message.label() : "";
	}

}
