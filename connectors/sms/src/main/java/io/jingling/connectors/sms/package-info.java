/**
 * The {@code sms} Camel component over Aliyun SMS and its Spring Boot auto-configuration.
 * The component only translates exchanges into
 * {@link io.jingling.connectors.sms.client.SmsClient} calls; talking to Aliyun lives in
 * {@code client}, the receipt and reply payloads Aliyun pushes in {@code push}, the
 * simulator in {@code sim}.
 */
package io.jingling.connectors.sms;
