/**
 * Who may use the console and the API: users and roles in the database, form login with
 * throttling, and the audited reveal of an informant's identity. Platform callbacks stay
 * outside, authenticated by the platforms' own schemes.
 */
package io.jingling.security;
