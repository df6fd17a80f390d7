package io.jingling.support;

/** Internal Camel endpoints, declared once. */
public final class Endpoints {

	/**
	 * Inbox events handed to the rules engine (hand-off: the callback has already been
	 * answered).
	 */
	public static final String INBOX_TO_ENGINE = "seda:inbox-to-engine";

	/** A nudge to deliver due outbox rows now rather than at the next poll. */
	public static final String OUTBOX_WAKEUP = "seda:outbox-wakeup?size=1&discardWhenFull=true";

	/** Delivers every due outbox row. */
	public static final String OUTBOX_DELIVER = "direct:outbox-deliver";

	private Endpoints() {
	}

}
