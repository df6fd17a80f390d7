package io.jingling.bots.engine;

import java.util.List;
import java.util.Objects;

/** Who an order (警令) goes to. */
public sealed interface OrderTarget {

	/** Every member of one DingTalk group. */
	record ToGroup(String openConversationId, String name) implements OrderTarget {

		public ToGroup {
			Objects.requireNonNull(openConversationId, "openConversationId");
			Objects.requireNonNull(name, "name");
		}

	}

	/** Named officers, one-to-one. */
	record ToOfficers(List<String> userIds) implements OrderTarget {

		public ToOfficers {
			userIds = List.copyOf(userIds);
		}

	}

	/** Every officer (全体). */
	record ToEveryone() implements OrderTarget {

	}

}
