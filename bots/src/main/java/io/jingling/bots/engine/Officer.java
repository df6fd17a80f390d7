package io.jingling.bots.engine;

import java.util.Objects;
import java.util.Set;

/**
 * An officer (民警) known to the hub.
 *
 * @param userId the DingTalk userId
 * @param name the display name
 * @param roles e.g. {@code dispatcher}
 */
public record Officer(String userId, String name, String unit, Set<String> roles) {

	public Officer {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(name, "name");
		roles = (roles != null) ? Set.copyOf(roles) : Set.of();
	}

	/**
	 * Whether the officer works in the command centre and may post orders and assist
	 * requests.
	 */
	public boolean dispatcher() {
		return this.roles.contains("dispatcher");
	}

}
