/**
 * The typed DingTalk client:
 * {@link io.jingling.connectors.dingtalk.client.DingTalkClient} in our words, its
 * records, and the implementation over the official SDK (plus plain JSON posts to the old
 * API for work notifications and session replies) with token caching and error
 * classification. No Camel types here, and no SDK type leaves this package.
 */
package io.jingling.connectors.dingtalk.client;
