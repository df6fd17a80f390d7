package io.jingling.connectors.dingtalk.client;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Who has read a robot one-to-one message: {@code readAt} maps each reader to when they
 * read it, {@code unread} names the recipients who have not.
 */
public record UserReads(String sendStatus, Map<String, Instant> readAt, Set<String> unread) {

	public UserReads {
		readAt = (readAt != null) ? Map.copyOf(readAt) : Map.of();
		unread = (unread != null) ? Set.copyOf(unread) : Set.of();
	}

	@Override
	public String toString() { // user ids stay out of logs; counts are enough
		return "UserReads[sendStatus=" + this.sendStatus + ", read=" + this.readAt.size() + ", unread="
				+ this.unread.size() + "]";
	}

}
