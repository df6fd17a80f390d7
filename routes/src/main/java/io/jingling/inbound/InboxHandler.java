package io.jingling.inbound;

/**
 * Processes one kind of inbox entry. A transactional handler runs inside the transaction
 * that claims the entry, so its effects and the claim commit together; a handler that
 * must call a platform runs after the claim has committed, and a failure puts the entry
 * back for a retry.
 */
public interface InboxHandler {

	/** The {@code event_type} this handler takes. */
	String eventType();

	boolean transactional();

	void handle(InboxEntry entry);

}
