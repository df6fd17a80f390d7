package io.jingling.support;

/** Internal Camel endpoints, declared once. */
public final class Endpoints {

	/**
	 * Inbox events handed to the rules engine (hand-off: the callback has already been
	 * answered).
	 */
	public static final String INBOX_TO_ENGINE = "seda:inbox-to-engine?size=10000";

	/**
	 * Handing a stored inbox entry to the engine. A full queue drops the nudge instead of
	 * failing the callback: the entry is in the inbox, and the recovery timer picks it
	 * up.
	 */
	public static final String INBOX_HAND_OFF = "seda:inbox-to-engine?size=10000&discardWhenFull=true";

	/** A nudge to deliver due outbox rows now rather than at the next poll. */
	public static final String OUTBOX_WAKEUP = "seda:outbox-wakeup?size=1&discardWhenFull=true";

	/** Delivers every due outbox row. */
	public static final String OUTBOX_DELIVER = "direct:outbox-deliver";

	private Endpoints() {
	}

}
