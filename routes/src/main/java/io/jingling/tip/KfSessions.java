package io.jingling.tip;

import io.jingling.connectors.wechat.client.KfMessage;
import io.jingling.informant.Identity;
import io.jingling.informant.Member;
import io.jingling.informant.Members;

import org.springframework.stereotype.Component;

/**
 * Who wrote to 微信客服, and through which broadcast's link they came. Entering a chat is
 * recorded while the sync that brought it commits, before any message of the batch
 * reaches the engine, so a tip sent right after entering is linked by the link's assist
 * code.
 */
@Component
public class KfSessions {

	static final String UNASSIGNED = "unassigned";

	private final Members members;

	KfSessions(Members members) {
		this.members = members;
	}

	/**
	 * The member who sent a KF message: found by the keyed hash, or enrolled unassigned.
	 */
	public Member memberFor(KfMessage message) {
		return this.members.byExternalUserId(message.externalUserId())
			.orElseGet(() -> this.members.enroll(Identity.ofWeCom(message.externalUserId()), circleOf(message), "未知",
					null, false));
	}

	/** Records an {@code enter_session} event; other messages are left alone. */
	public void entered(KfMessage message) {
		if ("enter_session".equals(message.eventType()) && message.externalUserId() != null
				&& !message.externalUserId().isBlank()) {
			this.members.enteredThrough(memberFor(message).id(), message.sceneParam());
		}
	}

	private static String circleOf(KfMessage message) {
		return (message.scene() == null || message.scene().isBlank()) ? UNASSIGNED : message.scene();
	}

}
