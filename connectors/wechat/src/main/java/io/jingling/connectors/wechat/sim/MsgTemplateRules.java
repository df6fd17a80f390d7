package io.jingling.connectors.wechat.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

// The checks add_msg_template makes before it creates a task, with WeCom's documented limits
// (wecom:92135). Text size, media and empty content have codes of their own; the rest answer
// Answer.INVALID_PARAMETER.
final class MsgTemplateRules {

	static final int MAX_CHATS = 2000;

	static final int MAX_EXTERNAL_USERS = 10_000;

	static final int MAX_TEXT_BYTES = 4000;

	static final int MAX_ATTACHMENTS = 9;

	private static final Set<String> ATTACHMENT_TYPES = Set.of("image", "link", "miniprogram", "video", "file");

	private final SimulatedMedia media;

	MsgTemplateRules(SimulatedMedia media) {
		this.media = media;
	}

	static boolean isGroup(JsonNode request) {
		return request.path("chat_type").asText("single").equals("group");
	}

	// The groups (chat_id_list) or customers (external_userid) the task is for.
	static List<String> targets(JsonNode request) {
		List<String> values = new ArrayList<>();
		request.path(isGroup(request) ? "chat_id_list" : "external_userid").forEach((id) -> values.add(id.asText()));
		return values;
	}

	Optional<Answer> refusal(JsonNode request) {
		String chatType = request.path("chat_type").asText("single");
		boolean group = isGroup(request);
		if (!group && !chatType.equals("single")) {
			return invalid("chat_type must be single or group");
		}
		// the simulator does not model "the member who last talked to the customer", so a
		// sender is required for single chats too
		if (request.path("sender").asText("").isEmpty()) {
			return invalid("sender is required");
		}
		if (request.has(group ? "external_userid" : "chat_id_list")) {
			return invalid(group ? "external_userid is for single chats" : "chat_id_list is for group chats");
		}
		int targets = targets(request).size();
		if (!group && targets == 0) {
			return invalid("external_userid is required for single chats");
		}
		if (targets > (group ? MAX_CHATS : MAX_EXTERNAL_USERS)) {
			return invalid("too many targets: " + targets);
		}
		String text = request.path("text").path("content").asText("");
		if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
			return Optional.of(Answer.error(45002, "content size out of limit"));
		}
		JsonNode attachments = request.path("attachments");
		if (attachments.size() > MAX_ATTACHMENTS) {
			return invalid("at most " + MAX_ATTACHMENTS + " attachments");
		}
		for (JsonNode attachment : attachments) {
			Optional<Answer> refusal = refuseAttachment(attachment);
			if (refusal.isPresent()) {
				return refusal;
			}
		}
		if (text.isEmpty() && attachments.isEmpty()) {
			return Optional.of(Answer.error(44004, "empty content"));
		}
		return Optional.empty();
	}

	private Optional<Answer> refuseAttachment(JsonNode attachment) {
		String type = attachment.path("msgtype").asText("");
		if (!ATTACHMENT_TYPES.contains(type) || !attachment.path(type).isObject()) {
			return invalid("attachment msgtype does not match its content");
		}
		if (type.equals("image")) {
			String mediaId = attachment.path("image").path("media_id").asText("");
			String picUrl = attachment.path("image").path("pic_url").asText("");
			if (mediaId.isEmpty() && picUrl.isEmpty()) {
				return invalid("image needs media_id or pic_url");
			}
			if (!mediaId.isEmpty() && !this.media.exists(mediaId)) {
				return Optional.of(Answer.error(40007, "invalid media_id"));
			}
		}
		return Optional.empty();
	}

	private static Optional<Answer> invalid(String detail) {
		return Optional.of(Answer.invalid(detail));
	}

}
