package io.jingling.security;

import java.util.Arrays;
import java.util.Locale;

/** The console's roles, stored by their config name (e.g. {@code informant-identity}). */
public enum Role {

	/** Configs and users. */
	ADMIN("admin"),
	/** Orders and assist requests. */
	DISPATCHER("dispatcher"),
	/** Their own tips and orders. */
	OFFICER("officer"),
	/** Read-only statistics. */
	VIEWER("viewer"),
	/** May reveal an informant's identity, each time with a reason, audited. */
	INFORMANT_IDENTITY("informant-identity");

	private final String configName;

	Role(String configName) {
		this.configName = configName;
	}

	public String configName() {
		return this.configName;
	}

	/** The Spring Security authority, e.g. {@code ROLE_INFORMANT_IDENTITY}. */
	public String authority() {
		return "ROLE_" + name();
	}

	static Role fromConfig(String name) {
		return Arrays.stream(values())
			.filter((role) -> role.configName.equals(name.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown role '" + name + "'"));
	}

}
