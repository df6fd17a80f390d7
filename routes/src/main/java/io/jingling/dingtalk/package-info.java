/**
 * The hub's side of the DingTalk connector: its settings under
 * {@code jingling.dingtalk.*}, which address each API is reached at (the real platform or
 * the sandbox simulator), and the Camel component and callback verifier built from them.
 */
package io.jingling.dingtalk;
