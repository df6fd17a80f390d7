/**
 * The typed Aliyun SMS client: {@link io.jingling.connectors.sms.client.SmsClient} in our
 * words, its records, template checks, number normalising and masking, and the
 * implementation over the official SDK with one classification of Aliyun's codes. No
 * Camel types here, and no SDK type leaves this package.
 */
package io.jingling.connectors.sms.client;
