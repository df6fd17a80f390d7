package io.jingling.inbound;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.bots.engine.ConversationType;
import io.jingling.bots.engine.RobotMessageReceived;

import org.springframework.stereotype.Component;

/**
 * Turns a robot callback body (reference: DingTalk "receive messages", HTTP mode) into
 * the engine's event. The message text may be missing when the organisation is over its
 * message quota: that is an empty text, not an error.
 */
@Component
public class RobotCallbackParser {

	private final ObjectMapper json;

	RobotCallbackParser(ObjectMapper json) {
		this.json = json;
	}

	/**
	 * @throws CallbackRefusedException when the body is not a robot message
	 */
	public InboundMessage parse(byte[] body) {
		JsonNode root = read(body);
		String msgId = required(root, "msgId");
		String conversationId = required(root, "conversationId");
		ConversationType type = switch (required(root, "conversationType")) {
			case "1" -> ConversationType.PRIVATE;
			case "2" -> ConversationType.GROUP;
			default -> throw new CallbackRefusedException(400, "unknown-conversation-type");
		};
		Instant createdAt = Instant.ofEpochMilli(root.path("createAt").asLong(0));
		String sender = root.path("senderStaffId").asText("");
		var event = new RobotMessageReceived("dingtalk:" + msgId, createdAt, conversationId, type,
				root.path("conversationTitle").asText(""), sender, root.path("senderNick").asText(""),
				root.path("text").path("content").asText("").strip(), atUserIds(root));
		long expires = root.path("sessionWebhookExpiredTime").asLong(0);
		var reply = new ReplyChannel(root.path("sessionWebhook").asText(null),
				(expires > 0) ? Instant.ofEpochMilli(expires) : null, conversationId, type, sender);
		return new InboundMessage(msgId, event, reply);
	}

	private JsonNode read(byte[] body) {
		if (body == null || body.length == 0) {
			throw new CallbackRefusedException(400, "empty-body");
		}
		try {
			JsonNode root = json.readTree(body);
			if (root == null || !root.isObject()) {
				throw new CallbackRefusedException(400, "not-a-json-object");
			}
			return root;
		}
		catch (IOException ex) {
			throw new CallbackRefusedException(400, "malformed-json");
		}
	}

	private static String required(JsonNode root, String field) {
		String value = root.path(field).asText("");
		if (value.isBlank()) {
			throw new CallbackRefusedException(400, "missing-" + field);
		}
		return value;
	}

	private static List<String> atUserIds(JsonNode root) {
		List<String> ids = new ArrayList<>();
		root.path("atUsers").forEach((user) -> {
			String staffId = user.path("staffId").asText("");
			if (!staffId.isBlank()) {
				ids.add(staffId);
			}
		});
		return List.copyOf(ids);
	}

}
