package io.jingling.outbox;

/** How an outbox row is delivered; stored by name. */
enum Operation {

	/** A robot group message. */
	GROUP,
	/**
	 * A robot one-to-one message; rows of one action are sent together, 20 users a call.
	 */
	USERS,
	/** An answer in the conversation an inbound message came from. */
	REPLY

}
