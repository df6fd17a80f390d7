package io.jingling.connectors.wechat.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

// Temporary media: media/upload stores a file for 3 days and returns its media_id; media/get
// serves it back. Images informants send through 微信客服 are stored here too.
final class SimulatedMedia {

	static final Duration LIFETIME = Duration.ofDays(3);

	// WeCom's limits per type for temporary media.
	private static final Map<String, Integer> MAX_BYTES = Map.of("image", 10 << 20, "voice", 2 << 20, "video", 10 << 20,
			"file", 20 << 20);

	private static final Set<String> TYPES = MAX_BYTES.keySet();

	private final Clock clock;

	private final Map<String, Stored> media = new HashMap<>();

	SimulatedMedia(Clock clock) {
		this.clock = clock;
	}

	synchronized Answer upload(String type, String fileName, byte[] content) {
		if (type == null || !TYPES.contains(type)) {
			return Answer.error(40005, "invalid media type");
		}
		if (content == null || content.length == 0) {
			return Answer.error(44001, "empty media data");
		}
		if (content.length > MAX_BYTES.get(type)) {
			return Answer.error(45001, "media size out of limit");
		}
		String mediaId = store(type, fileName, content);
		return Answer.json(Answer.ok()
			.put("type", type)
			.put("media_id", mediaId)
			.put("created_at", String.valueOf(this.clock.instant().getEpochSecond())));
	}

	synchronized String store(String type, String fileName, byte[] content) {
		String mediaId = "sim-media-" + UUID.randomUUID();
		this.media.put(mediaId, new Stored(type, (fileName != null) ? fileName : mediaId, content.clone(),
				this.clock.instant().plus(LIFETIME)));
		return mediaId;
	}

	synchronized boolean exists(String mediaId) {
		Stored stored = this.media.get(mediaId);
		return stored != null && stored.expiresAt().isAfter(this.clock.instant());
	}

	synchronized Answer get(String mediaId) {
		if (mediaId == null || !exists(mediaId)) {
			return Answer.error(40007, "invalid media_id");
		}
		Stored stored = this.media.get(mediaId);
		String contentType = "image".equals(stored.type()) ? "image/jpeg" : "application/octet-stream";
		return Answer.media(contentType, stored.content().clone(), stored.fileName());
	}

	private record Stored(String type, String fileName, byte[] content, Instant expiresAt) {
	}

}
