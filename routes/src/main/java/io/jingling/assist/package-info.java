/**
 * Assist requests (协查): registered from the command bot with a code, circles, case
 * officer and a validity window. Broadcasting them to the circles comes with the WeChat
 * circles.
 */
package io.jingling.assist;
