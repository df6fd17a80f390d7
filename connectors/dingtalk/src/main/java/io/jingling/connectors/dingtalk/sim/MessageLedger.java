package io.jingling.connectors.dingtalk.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

// Every message the simulator delivered: to whom, when, and when each recipient reads it, so that
// groupMessages/query, oToMessages/readStatus and getsendresult all tell the same story. A group
// message's recipients are the group's members at send time. Reads follow the reading profile in
// force at send time, or a test's markRead, whichever comes first; nobody reads a message after
// it was recalled.
final class MessageLedger {

	enum Kind {

		GROUP, USERS, WORK_NOTICE

	}

	private final Clock clock;

	private final Map<String, Tracked> messages = new HashMap<>();

	private ReadingProfile profile = ReadingProfile.never();

	MessageLedger(Clock clock) {
		this.clock = clock;
	}

	synchronized void track(String id, Kind kind, String openConversationId, List<String> recipients) {
		Instant now = this.clock.instant();
		Map<String, Instant> readAt = new LinkedHashMap<>();
		for (String userId : recipients) {
			readAt.put(userId, this.profile.readAfter(userId).map(now::plus).orElse(null));
		}
		this.messages.put(id, new Tracked(kind, openConversationId, now, readAt));
	}

	// The message as a query sees it now, if the simulator sent it.
	synchronized Optional<Snapshot> find(String id) {
		Tracked message = this.messages.get(id);
		if (message == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		List<Map.Entry<String, Instant>> reads = new ArrayList<>();
		message.readAt.forEach((userId, at) -> {
			if (at != null && !at.isAfter(now) && (message.recalledAt == null || !at.isAfter(message.recalledAt))) {
				reads.add(Map.entry(userId, at));
			}
		});
		// oldest read first, so a reader's position never moves and offset cursors stay
		// valid while the clock runs
		Comparator<Map.Entry<String, Instant>> byTime = Map.Entry.comparingByValue();
		reads.sort(byTime.thenComparing(Map.Entry.comparingByKey()));
		Map<String, Instant> ordered = new LinkedHashMap<>();
		reads.forEach((read) -> ordered.put(read.getKey(), read.getValue()));
		return Optional
			.of(new Snapshot(message.kind, message.openConversationId, message.sentAt, message.recalledAt != null,
					List.copyOf(message.readAt.keySet()), Collections.unmodifiableMap(ordered)));
	}

	// Recalls a message; recalling it again changes nothing.
	synchronized void recall(String id) {
		Tracked message = this.messages.get(id);
		if (message != null && message.recalledAt == null) {
			message.recalledAt = this.clock.instant();
		}
	}

	synchronized void markRead(String id, String userId) {
		Tracked message = this.messages.get(id);
		if (message == null) {
			throw new IllegalArgumentException("The simulator sent no message " + id);
		}
		if (!message.readAt.containsKey(userId)) {
			throw new IllegalArgumentException("Message " + id + " did not reach " + userId);
		}
		Instant now = this.clock.instant();
		message.readAt.merge(userId, now, (scheduled, marked) -> scheduled.isBefore(marked) ? scheduled : marked);
	}

	synchronized void setProfile(ReadingProfile profile) {
		this.profile = profile;
	}

	synchronized void reset() {
		this.messages.clear();
		this.profile = ReadingProfile.never();
	}

	// One message at one instant: its recipients in send order and its readers, oldest
	// read first.
	record Snapshot(Kind kind, String openConversationId, Instant sentAt, boolean recalled, List<String> recipients,
			Map<String, Instant> reads) {

		List<String> unread() {
			return this.recipients.stream().filter((userId) -> !this.reads.containsKey(userId)).toList();
		}

		String sendStatus() {
			return this.recalled ? "RECALLED" : "SUCCESS";
		}

	}

	private static final class Tracked {

		private final Kind kind;

		private final String openConversationId;

		private final Instant sentAt;

		// null: never read
		private final Map<String, Instant> readAt;

		private Instant recalledAt;

		Tracked(Kind kind, String openConversationId, Instant sentAt, Map<String, Instant> readAt) {
			this.kind = kind;
			this.openConversationId = openConversationId;
			this.sentAt = sentAt;
			this.readAt = readAt;
		}

	}

}
