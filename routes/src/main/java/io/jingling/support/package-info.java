/**
 * What every feature shares and nothing more: hub-wide settings, the clock, masking of
 * personal data for logs, the code allocator and the names of internal endpoints and
 * headers.
 */
package io.jingling.support;
