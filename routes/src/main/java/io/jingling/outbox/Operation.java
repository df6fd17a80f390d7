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
	/**
	 * A DingTalk DING to one officer; rows of one action go together, up to the kind's
	 * receiver limit.
	 */
	DING,
	/**
	 * A DingTalk work notification (工作通知) to one officer; rows of one action go together,
	 * 100 users a call, and their results give read and unread lists.
	 */
	WORK_NOTICE,
	/**
	 * An Aliyun SMS to one number; rows of one action go together, 1,000 numbers a call,
	 * each number within its frequency limits.
	 */
	SMS,
	/** Takes back a group message, one-to-one message or work notification. */
	RECALL,
	/** Starts a DingTalk approval instance for an assist request held for approval. */
	APPROVAL

}
