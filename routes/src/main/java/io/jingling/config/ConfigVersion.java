package io.jingling.config;

import java.time.Instant;

/**
 * One version of a config.
 *
 * @param status {@code ACTIVE} (in force) or {@code SUPERSEDED}
 * @param diff the lines removed ({@code -}) and added ({@code +}) against the version
 * before it; empty for version 1
 */
public record ConfigVersion(String kind, int version, String author, Instant createdAt, String reason, String status,
		String diff) {
}
