package io.jingling.connectors.wechat.client;

import java.util.List;

/**
 * One page of 微信客服 messages. Store {@code nextCursor} and pass it to the next sync even
 * when {@code hasMore} is false: it is where the next callback's sync resumes.
 */
public record KfBatch(List<KfMessage> messages, String nextCursor, boolean hasMore) {

	public KfBatch {
		messages = (messages != null) ? List.copyOf(messages) : List.of();
	}

}
