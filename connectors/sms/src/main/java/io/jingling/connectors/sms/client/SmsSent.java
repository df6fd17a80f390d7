package io.jingling.connectors.sms.client;

/**
 * Aliyun accepted a send. Delivery comes later, by receipt. {@code bizId} keys receipts
 * and QuerySendDetails; one BizId covers every number of the call.
 */
public record SmsSent(String bizId, String requestId) {

}
