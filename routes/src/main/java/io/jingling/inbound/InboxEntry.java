package io.jingling.inbound;

/**
 * A claimed inbox row: its id, what kind of thing it holds, and the stored payload
 * (JSON).
 */
public record InboxEntry(long id, String eventType, String payload) {

	@Override
	public String toString() {
		return "InboxEntry[id=" + this.id + ", type=" + this.eventType + "]";
	}

}
