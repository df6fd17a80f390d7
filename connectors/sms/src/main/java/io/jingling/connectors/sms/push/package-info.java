/**
 * What Aliyun SMS pushes to the hub: delivery receipts (SmsReport) and replies (SmsUp),
 * read from their JSON arrays into records whose {@code toString()} masks the number. The
 * HTTP route that receives them lives in the hub, not here.
 */
package io.jingling.connectors.sms.push;
