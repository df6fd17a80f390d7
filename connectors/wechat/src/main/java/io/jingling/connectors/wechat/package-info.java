/**
 * The {@code wecom} Camel component. It only translates exchanges into
 * {@link io.jingling.connectors.wechat.client.WeComClient} calls; talking to WeCom lives
 * in {@code client}, inbound callback checks in {@code callback}, the Official Account
 * inbox in {@code mp}, the simulators in {@code sim}, and helpers those packages share in
 * {@code internal}. The failure exceptions come from {@code io.jingling.connectors}.
 */
package io.jingling.connectors.wechat;
