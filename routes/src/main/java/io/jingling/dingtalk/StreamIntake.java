package io.jingling.dingtalk;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jingling.connectors.dingtalk.events.DingTalkEvent;
import io.jingling.inbound.Inbox;
import io.jingling.support.Endpoints;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Where Stream-mode events enter the hub: stored in the inbox once per {@code eventId},
 * in the same flat shape as the HTTP subscription's events, and handed to the engine, so
 * both ways in end in the same handler. A failure here makes the Stream consumer answer
 * {@code LATER}, and DingTalk delivers the event again.
 */
@Component
public class StreamIntake {

	private static final Logger log = LoggerFactory.getLogger(StreamIntake.class);

	private final Inbox inbox;

	private final ObjectMapper json;

	private final ProducerTemplate producer;

	StreamIntake(Inbox inbox, ObjectMapper json, ProducerTemplate producer) {
		this.inbox = inbox;
		this.json = json;
		this.producer = producer;
	}

	/**
	 * Stores the event and hands it on; a repeated event is stored and handed on once.
	 */
	public void accept(DingTalkEvent event) {
		ObjectNode flat = this.json.createObjectNode();
		flat.put("EventType", event.eventType());
		flat.put("EventTime", event.bornAt().toEpochMilli());
		flat.put("CorpId", event.corpId());
		flat.put("BizId", event.bizId());
		flat.put("eventId", event.eventId());
		for (Iterator<Map.Entry<String, JsonNode>> fields = event.data().fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			flat.set(field.getKey(), field.getValue());
		}
		Long id = this.inbox.store("dingtalk", "event:" + event.eventId(), EventCallbackRoutes.TYPE, flat);
		if (id != null) {
			this.producer.sendBody(Endpoints.INBOX_HAND_OFF, id);
		}
		log.info("dingtalk.stream stored type={} eventId={} new={}", event.eventType(), event.eventId(), id != null);
	}

}
