package io.jingling.wxmp;

import io.jingling.connectors.wechat.mp.MpMessage;

/**
 * A follower's message ready for the engine, with its media already kept as evidence.
 *
 * @param evidence {@code sha256:<hex>} of the photo or voice message, or null for text
 * and locations
 */
record MpInbound(MpMessage message, String evidence) {
}
