/**
 * Inbound DingTalk requests: checking that a robot callback really comes from DingTalk
 * (timestamp window and signature) before anything reads it. Mapping callbacks to hub
 * events does not live here; the routes module does that.
 */
package io.jingling.connectors.dingtalk.callback;
