/**
 * Tips (线索): informants' messages taken in from 微信客服, linked to an assist request, coded,
 * acknowledged to the informant and forwarded to the case officer in DingTalk by
 * pseudonym; the case officer's follow-up questions are relayed back within the
 * platform's reply window.
 */
package io.jingling.tip;
