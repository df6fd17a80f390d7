/**
 * Operational alerts: what an admin must act on (an SMS account that cannot send, dead
 * letters piling up, a WeCom task nobody confirms, a callback endpoint refusing most
 * requests) told to the admin group, counted as metrics and shown by a health indicator.
 */
package io.jingling.alerts;
