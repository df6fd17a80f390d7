package io.jingling.connectors.dingtalk.client;

/**
 * What DingTalk answered to a work notification: the task id that names it for the send
 * result and recall. DingTalk sends asynchronously and accepts even what it will not
 * deliver, so only {@link DingTalkClient#workNoticeResult(long)} tells who got it.
 */
public record WorkNoticeSent(long taskId) {

}
