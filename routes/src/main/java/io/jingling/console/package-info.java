/**
 * The console in Chinese: server-rendered pages (Thymeleaf) whose data come from the REST
 * API and refresh themselves; the assist request form posts through the same path as the
 * API.
 */
package io.jingling.console;
