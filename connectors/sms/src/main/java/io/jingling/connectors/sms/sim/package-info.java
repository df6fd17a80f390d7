/**
 * A WireMock-backed simulator of Aliyun SMS for tests and the embedded run: ACS3
 * signature checks, SendSms, SendBatchSms and QuerySendDetails with the platform's
 * validation, daily limits and balance, failure switches, a request journal, and pushes
 * of receipts and replies to the hub. Nothing here is used against the real platform.
 */
package io.jingling.connectors.sms.sim;
