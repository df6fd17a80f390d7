/**
 * Inbound WeCom callbacks: verifying and decrypting what WeCom posts to the callback URL
 * (signature, timestamp window, AES, receive id) and reading the plaintext into a
 * {@link io.jingling.connectors.wechat.callback.WeComEvent}, with an XXE-safe parser.
 * Storing, de-duplicating and routing events is the routes module's work.
 */
package io.jingling.connectors.wechat.callback;
