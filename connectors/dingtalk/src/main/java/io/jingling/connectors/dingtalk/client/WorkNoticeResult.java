package io.jingling.connectors.dingtalk.client;

import java.util.Map;
import java.util.Set;

/**
 * The send result of a work notification. {@code read} and {@code unread} name the users
 * it reached; {@code invalid} ids DingTalk does not know; {@code forbidden} users it did
 * not deliver to because of a limit, with {@code forbiddenCodes} giving each one's code
 * ({@code 143103}/{@code 143104} per-minute limit, {@code 143105} daily limit per user,
 * {@code 143106} same content twice a day); {@code failed} users delivery failed for.
 */
public record WorkNoticeResult(Set<String> read, Set<String> unread, Set<String> invalid, Set<String> forbidden,
		Set<String> failed, Map<String, String> forbiddenCodes) {

	public WorkNoticeResult {
		read = copy(read);
		unread = copy(unread);
		invalid = copy(invalid);
		forbidden = copy(forbidden);
		failed = copy(failed);
		forbiddenCodes = (forbiddenCodes != null) ? Map.copyOf(forbiddenCodes) : Map.of();
	}

	private static Set<String> copy(Set<String> userIds) {
		return (userIds != null) ? Set.copyOf(userIds) : Set.of();
	}

	@Override
	public String toString() { // user ids stay out of logs; counts are enough
		return "WorkNoticeResult[read=" + this.read.size() + ", unread=" + this.unread.size() + ", invalid="
				+ this.invalid.size() + ", forbidden=" + this.forbidden.size() + ", failed=" + this.failed.size() + "]";
	}

}
