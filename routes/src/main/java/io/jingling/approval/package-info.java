/**
 * Approvals (审批): assist requests the rules hold for a leader's approval in DingTalk go
 * out only on {@code agree}; a refusal or termination cancels them and says why.
 */
package io.jingling.approval;
