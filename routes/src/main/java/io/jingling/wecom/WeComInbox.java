package io.jingling.wecom;

import io.jingling.connectors.wechat.callback.WeComEvent;
import io.jingling.inbound.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Stores WeCom callbacks and synced KF messages in the inbox under WeCom's own ids. */
@Component
class WeComInbox {

	static final String CALLBACK = "WeComEvent";

	private static final Logger log = LoggerFactory.getLogger(WeComInbox.class);

	private final Inbox inbox;

	WeComInbox(Inbox inbox) {
		this.inbox = inbox;
	}

	Long store(WeComEvent event) {
		Long id = this.inbox.store("wecom", event.dedupeKey(), CALLBACK, event);
		if (id != null) {
			log.info("inbox.store stored id={} platform=wecom type={} event={}", id, event.msgType(), event.event());
		}
		return id;
	}

}
