/**
 * Aliyun SMS around the outbox: the client's wiring, the receipt and reply pushes Aliyun
 * sends to the hub, receipt checks for what no push confirmed, and admin alerts.
 */
package io.jingling.sms;
