package io.jingling.wxmp;

import io.jingling.connectors.wechat.mp.MpClient;
import io.jingling.connectors.wechat.mp.MpMessage;
import io.jingling.inbound.Inbox;
import io.jingling.inbound.InboxEntry;
import io.jingling.inbound.InboxHandler;
import io.jingling.support.Endpoints;
import io.jingling.tip.Evidence;
import org.apache.camel.ProducerTemplate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The first stage of a follower's message: a photo or voice message is downloaded while
 * the platform still keeps it (3 days) and kept as evidence by its content hash; then the
 * message goes on, stored once under its own key, to {@link MpMessageHandler}. Runs
 * outside a transaction because it calls the platform; a failed download is retried by
 * the inbox.
 */
@Component
@ConditionalOnProperty("jingling.wxmp.app-id")
class MpMediaStage implements InboxHandler {

	private final Inbox inbox;

	private final MpClient client;

	private final Evidence evidence;

	private final ProducerTemplate producer;

	MpMediaStage(Inbox inbox, MpClient client, Evidence evidence, ProducerTemplate producer) {
		this.inbox = inbox;
		this.client = client;
		this.evidence = evidence;
		this.producer = producer;
	}

	@Override
	public String eventType() {
		return MpCallbackRoutes.TYPE;
	}

	@Override
	public boolean transactional() {
		return false;
	}

	@Override
	public void handle(InboxEntry entry) {
		MpMessage message = this.inbox.payload(entry, MpMessage.class);
		boolean media = ("image".equals(message.msgType()) || "voice".equals(message.msgType()))
				&& message.mediaId() != null;
		String kept = media ? this.evidence.store(this.client.downloadMedia(message.mediaId())) : null;
		Long next = this.inbox.store("wxmp", "inbound:" + message.dedupeKey(), MpMessageHandler.TYPE,
				new MpInbound(message, kept));
		if (next != null) {
			this.producer.sendBody(Endpoints.INBOX_HAND_OFF, next);
		}
	}

}
