/**
 * A WireMock-backed simulator of WeCom for tests and the embedded run: tokens,
 * customer-group message tasks with owner confirmation and quotas, one 微信客服 account,
 * temporary media, failure switches and a request journal, plus signed and encrypted
 * callbacks as WeCom would send them to the hub. Nothing here is used against the real
 * platform.
 */
package io.jingling.connectors.wechat.sim;
