/**
 * A WireMock-backed simulator of DingTalk for tests and the embedded run: tokens, app
 * robot sends and DING, read status driven by a {@code ReadingProfile} and the clock,
 * recall, group members, work notifications, session webhooks, check-ins, attendance,
 * logs and approvals, failure switches and a request journal, plus
 * {@code RobotCallbacks}, which plays DingTalk calling the hub. Nothing here is used
 * against the real platform.
 */
package io.jingling.connectors.dingtalk.sim;
