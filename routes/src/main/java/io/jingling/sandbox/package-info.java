/**
 * The embedded default's simulated platforms: started in-JVM on free ports when no
 * {@code prod} profile is active and {@code jingling.sandbox.enabled} is true (the
 * default).
 */
package io.jingling.sandbox;
