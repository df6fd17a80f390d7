/**
 * DingTalk event subscriptions (事件订阅) as the hub receives them: {@code EventCrypto}
 * verifies, decrypts and answers the encrypted HTTP callbacks, {@code DingTalkEvents}
 * turns an HTTP payload or a Stream event into one {@code DingTalkEvent} envelope, and
 * {@code StreamEventConsumer} receives events over the Stream SDK's outbound connection.
 * Deduplication, storage and mapping to engine events do not live here; the routes module
 * does that.
 */
package io.jingling.connectors.dingtalk.events;
