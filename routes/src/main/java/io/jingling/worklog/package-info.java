/**
 * Shared logs (日志): DingTalk has no event for them, so the configured templates are
 * polled; each new log is shared into its group as a summary card and its readers are
 * tracked like an order's, and the daily digest names who has not submitted.
 */
package io.jingling.worklog;
