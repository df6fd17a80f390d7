package io.jingling.reads;

/** How a tracked message was sent, which decides how its reads are asked for. */
enum TrackedKind {

	/** A robot group message: readers from {@code groupMessages/query}. */
	GROUP,
	/** A work notification: read and unread lists from {@code getsendresult}. */
	WORK_NOTICE,
	/**
	 * A shared log (日志): its receivers, and readers from
	 * {@code report/statistics/listbytype}.
	 */
	REPORT

}
