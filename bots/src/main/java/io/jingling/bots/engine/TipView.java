package io.jingling.bots.engine;

import java.util.Objects;

/**
 * What the engine may know about a tip (线索); the informant is not part of it.
 *
 * @param code e.g. {@code XS-20261130-0001}
 * @param assistCode the assist request it belongs to, or {@code null} when not linked
 * @param caseOfficer the userId of the officer it was forwarded to; empty when none
 */
public record TipView(String code, String assistCode, String caseOfficer) {

	public TipView {
		Objects.requireNonNull(code, "code");
		caseOfficer = Objects.requireNonNullElse(caseOfficer, "");
	}

}
