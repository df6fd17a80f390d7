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
	REPLY,
	/** A WeCom customer-group task for one owner (confirmed by the owner in WeCom). */
	WECOM_TASK,
	/** A WeCom KF text to one informant, within the platform's reply window. */
	KF_TEXT,
	/**
	 * An Official Account customer-service text to one informant, within the platform's
	 * window.
	 */
	OA_TEXT,
	/** A WeCom reminder to confirm a customer-group task (three per task in 24 hours). */
	WECOM_REMIND,
	/** A DingTalk in-app DING to one officer. */
	DING

}
