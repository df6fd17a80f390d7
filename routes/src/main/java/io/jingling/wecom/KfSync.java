package io.jingling.wecom;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.wechat.callback.WeComEvent;
import io.jingling.connectors.wechat.client.KfBatch;
import io.jingling.connectors.wechat.client.KfMessage;
import io.jingling.connectors.wechat.client.WeComClient;
import io.jingling.inbound.Inbox;
import io.jingling.inbound.InboxEntry;
import io.jingling.inbound.InboxHandler;
import io.jingling.support.Endpoints;
import io.jingling.tip.Evidence;
import io.jingling.tip.KfSessions;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A WeCom callback. {@code kf_msg_or_event} says informants wrote to 微信客服: the messages
 * are fetched with {@code sync_msg} from the stored cursor (the callback's token is used
 * at once, it lasts 10 minutes) and each is stored in the inbox under its own msgid, in
 * one transaction with the new cursor, so a message is taken in once however often it is
 * synced. Other events (group membership) are recorded and not acted on yet.
 */
@Component
class KfSync implements InboxHandler {

	private static final Logger log = LoggerFactory.getLogger(KfSync.class);

	private static final int MAX_PAGES = 50;

	private final Inbox inbox;

	private final WeComClient client;

	private final WeComProperties properties;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final ProducerTemplate producer;

	private final Clock clock;

	private final Evidence evidence;

	private final Memberships memberships;

	private final KfSessions sessions;

	KfSync(Inbox inbox, WeComClient client, WeComProperties properties, JdbcTemplate jdbc,
			TransactionTemplate transaction, ProducerTemplate producer, Clock clock, Evidence evidence,
			Memberships memberships, KfSessions sessions) {
		this.sessions = sessions;
		this.evidence = evidence;
		this.memberships = memberships;
		this.inbox = inbox;
		this.client = client;
		this.properties = properties;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.producer = producer;
		this.clock = clock;
	}

	@Override
	public String eventType() {
		return WeComInbox.CALLBACK;
	}

	@Override
	public boolean transactional() {
		return false;
	}

	@Override
	public void handle(InboxEntry entry) {
		WeComEvent event = this.inbox.payload(entry, WeComEvent.class);
		if (!"kf_msg_or_event".equals(event.event())) {
			this.memberships.apply(event);
			return;
		}
		String cursor = cursor();
		for (int page = 0; page < MAX_PAGES; page++) {
			KfBatch batch = this.client.syncKf(event.kfToken(), cursor);
			List<Long> stored = store(batch, fetchMedia(batch));
			stored.forEach((id) -> this.producer.sendBody(Endpoints.INBOX_HAND_OFF, id));
			log.info("wecom.kf-sync page messages={} new={}", batch.messages().size(), stored.size());
			cursor = batch.nextCursor();
			if (!batch.hasMore()) {
				return;
			}
		}
		log.warn("wecom.kf-sync stopped after {} pages; the next callback continues from the stored cursor", MAX_PAGES);
	}

	/**
	 * Media first, outside the transaction: WeCom serves KF media for a few days only.
	 */
	private Map<String, String> fetchMedia(KfBatch batch) {
		Map<String, String> evidence = new HashMap<>();
		for (KfMessage message : batch.messages()) {
			if (message.mediaId() == null || message.mediaId().isBlank() || seen(message.msgId())) {
				continue;
			}
			try {
				evidence.put(message.msgId(), this.evidence.store(this.client.downloadMedia(message.mediaId())));
			}
			catch (ConnectorException ex) {
				// gone or unreachable: the tip is still taken in, without its media,
				// rather than
				// holding up every message after it
				log.warn("wecom.kf-media unavailable code={}; the tip is kept without it", ex.code());
			}
		}
		return evidence;
	}

	private boolean seen(String msgId) {
		return !this.jdbc
			.queryForList("SELECT id FROM inbox_event WHERE platform = 'wecom-kf' AND platform_msg_id = ?", Long.class,
					msgId)
			.isEmpty();
	}

	private List<Long> store(KfBatch batch, Map<String, String> media) {
		return this.transaction.execute((status) -> {
			List<Long> ids = new ArrayList<>();
			for (KfMessage message : batch.messages()) {
				// a message an earlier sync took in is skipped before any write: on
				// PostgreSQL a
				// duplicate insert would wait on the engine's claim of that entry, and
				// re-recording
				// the session would hold the member row the engine needs
				if (seen(message.msgId())) {
					continue;
				}
				this.sessions.entered(message);
				Long id = this.inbox.store("wecom-kf", message.msgId(), KfInbound.TYPE,
						new KfInbound(message, media.get(message.msgId())));
				if (id != null) {
					ids.add(id);
				}
			}
			saveCursor(batch.nextCursor());
			return ids;
		});
	}

	private String cursor() {
		return this.jdbc
			.queryForList("SELECT next_cursor FROM kf_cursor WHERE open_kfid = ?", String.class, this.properties.kfId())
			.stream()
			.findFirst()
			.orElse("");
	}

	private void saveCursor(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		if (this.jdbc.update("UPDATE kf_cursor SET next_cursor = ?, updated_at = ? WHERE open_kfid = ?", cursor, now,
				this.properties.kfId()) == 0) {
			this.jdbc.update("INSERT INTO kf_cursor (open_kfid, next_cursor, updated_at) VALUES (?, ?, ?)",
					this.properties.kfId(), cursor, now);
		}
	}

}
