package io.jingling.config;

import java.time.Instant;

/**
 * One version of a config.
 *
 * @param status {@code ACTIVE} (in force), {@code SUPERSEDED} or {@code PENDING} (waiting
 * for a second admin under the two-person rule)
 * @param diff the lines removed ({@code -}) and added ({@code +}) against the version
 * before it; empty for version 1
 * @param approvedBy the admin who approved a version proposed under the two-person rule;
 * {@code null} otherwise
 */
public record ConfigVersion(String kind, int version, String author, Instant createdAt, String reason, String status,
		String diff, String approvedBy) {
}
