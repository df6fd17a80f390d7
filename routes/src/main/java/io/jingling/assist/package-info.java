/**
 * Assist requests (协查): registered from the command bot with a code, circles, case
 * officer and a validity window; broadcast as one WeCom customer-group task per owner and
 * circle within each group's quota; followed up by reach polling and reminders to owners
 * who have not confirmed; closed by 结案.
 */
package io.jingling.assist;
