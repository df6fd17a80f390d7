package io.jingling.bots.engine;

import java.util.Objects;

/**
 * Passes an officer's question on to the informant who sent a tip, through the channel
 * the tip came in. The informant is named only by the tip's code, so their identity stays
 * with the routes module.
 *
 * @param tipCode e.g. {@code XS-20261130-0001}
 * @param text what the officer wrote
 * @param officer the officer's userId
 */
public record RelayToInformant(String tipCode, String text, String officer) implements Action {

	public RelayToInformant {
		Objects.requireNonNull(tipCode, "tipCode");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(officer, "officer");
	}

	@Override
	public String toString() {
		return "RelayToInformant[tipCode=" + this.tipCode + ", textLength=" + this.text.length() + ", officer="
				+ this.officer + "]";
	}

}
