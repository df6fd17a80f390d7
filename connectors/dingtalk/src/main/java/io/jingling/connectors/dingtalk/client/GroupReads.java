package io.jingling.connectors.dingtalk.client;

import java.util.Set;

/**
 * Who has read a robot group message. DingTalk lists readers only: the unread are the
 * group's members at send time (see {@link DingTalkClient#groupMembers(String)}) minus
 * {@code readUserIds}. {@code sendStatus} is {@code SUCCESS}, {@code PROCESSING} or
 * {@code RECALLED}.
 */
public record GroupReads(String sendStatus, Set<String> readUserIds) {

	public GroupReads {
		readUserIds = (readUserIds != null) ? Set.copyOf(readUserIds) : Set.of();
	}

	@Override
	public String toString() { // user ids stay out of logs; counts are enough
		return "GroupReads[sendStatus=" + this.sendStatus + ", readUserIds=" + this.readUserIds.size() + "]";
	}

}
