/**
 * The hub's side of the WeCom connector: settings under {@code jingling.wecom.*}, the
 * callback route (verified and decrypted by WeCom's own scheme), KF message sync into the
 * inbox, and the KF links broadcasts carry.
 */
package io.jingling.wecom;
