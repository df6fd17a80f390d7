/**
 * WireMock-backed simulators for tests and the embedded run. {@code WeComSimulator}:
 * tokens, customer-group message tasks with owner confirmation and quotas, one 微信客服
 * account, temporary media. {@code MpSimulator}: one Official Account's tokens and
 * customer-service reply windows. Both have failure switches and a request journal, and
 * return signed (and encrypted) callbacks as the platform would send them to the hub.
 * Nothing here is used against the real platforms.
 */
package io.jingling.connectors.wechat.sim;
