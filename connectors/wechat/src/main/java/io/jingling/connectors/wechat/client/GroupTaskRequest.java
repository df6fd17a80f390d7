package io.jingling.connectors.wechat.client;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A customer-group message task for one owner: WeCom asks {@code sender} to confirm it in
 * the app, then posts {@code text} and the images to every group in {@code chatIds}. The
 * limits are WeCom's own, checked here so a bad request fails before it leaves the hub.
 *
 * @see <a href="https://developer.work.weixin.qq.com/document/path/92135">wecom:92135
 * add_msg_template</a>
 */
public record GroupTaskRequest(String sender, List<String> chatIds, String text, List<String> imageMediaIds) {

	/** At most this many groups per task. */
	public static final int MAX_CHATS = 2000;

	/** {@code text.content} limit in UTF-8 bytes. */
	public static final int MAX_TEXT_BYTES = 4000;

	/** At most this many attachments per task. */
	public static final int MAX_IMAGES = 9;

	public GroupTaskRequest {
		if (sender == null || sender.isBlank()) {
			throw new IllegalArgumentException("A group task needs a sender (the owner's WeCom userid)");
		}
		chatIds = (chatIds != null) ? List.copyOf(chatIds) : List.of();
		if (chatIds.isEmpty() || chatIds.size() > MAX_CHATS) {
			throw new IllegalArgumentException(
					"A group task names 1 to " + MAX_CHATS + " chat ids, got " + chatIds.size());
		}
		text = (text != null) ? text : "";
		int bytes = text.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_TEXT_BYTES) {
			throw new IllegalArgumentException(
					"A group task's text is at most " + MAX_TEXT_BYTES + " UTF-8 bytes, got " + bytes);
		}
		imageMediaIds = (imageMediaIds != null) ? List.copyOf(imageMediaIds) : List.of();
		if (imageMediaIds.size() > MAX_IMAGES) {
			throw new IllegalArgumentException(
					"A group task carries at most " + MAX_IMAGES + " images, got " + imageMediaIds.size());
		}
		if (text.isEmpty() && imageMediaIds.isEmpty()) {
			throw new IllegalArgumentException("A group task needs a text or an image");
		}
	}

}
