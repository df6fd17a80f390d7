/**
 * Helpers the connector's packages share: the XXE-safe callback XML reader and WxJava's
 * per-client HTTP client. They are public only so that {@code callback}, {@code client}
 * and {@code mp} can reach them; they are not API, and other modules must not use them.
 */
package io.jingling.connectors.wechat.internal;
