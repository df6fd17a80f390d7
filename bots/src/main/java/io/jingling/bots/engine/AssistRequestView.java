package io.jingling.bots.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the engine may know about an assist request (协查).
 *
 * @param code e.g. {@code XC-20261130-007}
 * @param status e.g. {@code COLLECTING}, {@code CLOSED}, {@code EXPIRED}
 * @param circleIds the circles it went to
 * @param caseOfficer the userId of the officer who receives its tips
 * @param validUntil when it stops collecting tips
 */
public record AssistRequestView(String code, String status, List<String> circleIds, String caseOfficer,
		Instant validUntil) {

	private static final Set<String> OPEN = Set.of("CREATED", "BROADCAST", "COLLECTING");

	public AssistRequestView {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(status, "status");
		circleIds = (circleIds != null) ? List.copyOf(circleIds) : List.of();
		caseOfficer = Objects.requireNonNullElse(caseOfficer, "");
	}

	/**
	 * Whether it still collects tips: {@code CREATED}, {@code BROADCAST} or
	 * {@code COLLECTING}.
	 */
	public boolean open() {
		return OPEN.contains(this.status);
	}

}
