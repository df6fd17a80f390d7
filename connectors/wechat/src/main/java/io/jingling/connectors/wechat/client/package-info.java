/**
 * The typed WeCom client: {@link io.jingling.connectors.wechat.client.WeComClient} in our
 * words, its records, the error reasons officers read, and the implementation over
 * WxJava. No Camel types here, and no WxJava type leaves this package.
 */
package io.jingling.connectors.wechat.client;
