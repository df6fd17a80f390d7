/**
 * The typed DingTalk clients:
 * {@link io.jingling.connectors.dingtalk.client.DingTalkClient} (messages) and
 * {@link io.jingling.connectors.dingtalk.client.DingTalkOffice} (check-ins, attendance,
 * logs, approvals) in our words, their records, and the implementation over the official
 * SDK (plus plain JSON posts to the old API for work notifications, session replies,
 * check-ins, attendance and logs) with one token cache and one error classification. No
 * Camel types here, and no SDK type leaves this package.
 */
package io.jingling.connectors.dingtalk.client;
