/**
 * The {@code wecom} Camel component. It only translates exchanges into
 * {@link io.jingling.connectors.wechat.client.WeComClient} calls; talking to WeCom lives
 * in {@code client}, inbound callback checks in {@code callback}, the simulator in
 * {@code sim}. The failure exceptions come from {@code io.jingling.connectors}.
 */
package io.jingling.connectors.wechat;
