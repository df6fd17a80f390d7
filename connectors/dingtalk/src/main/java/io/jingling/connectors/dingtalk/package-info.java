/**
 * The {@code dingtalk} Camel component and the connector's exceptions. The component only
 * translates exchanges into {@link io.jingling.connectors.dingtalk.client.DingTalkClient}
 * calls; talking to DingTalk lives in {@code client}, inbound checks in {@code callback},
 * the simulator in {@code sim}.
 */
package io.jingling.connectors.dingtalk;
