/**
 * The optional Official Account (公众号) inbox: followers' messages reach the hub by the
 * platform's signed (and, in safe mode, encrypted) callback and become tips like 微信客服
 * messages; answers go back as customer-service messages within the platform's window.
 * Present only when {@code jingling.wxmp.app-id} is set.
 */
package io.jingling.wxmp;
