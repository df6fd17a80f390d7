/**
 * The Official Account (公众号) inbox: followers' messages arrive on the account's callback
 * URL ({@link io.jingling.connectors.wechat.mp.MpCallbackCrypto} verifies and, in safe
 * mode, decrypts them; {@link io.jingling.connectors.wechat.mp.MpMessageParser} reads
 * them), and the hub answers through customer-service (kefu) messages with
 * {@link io.jingling.connectors.wechat.mp.MpClient}. WxJava ({@code weixin-java-mp})
 * types stay in this package. Storing, de-duplicating and routing messages is the routes
 * module's work.
 */
package io.jingling.connectors.wechat.mp;
