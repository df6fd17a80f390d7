package io.jingling.bots.engine;

import java.util.List;
import java.util.Objects;

/**
 * One of the informant circles (圈).
 *
 * @param id e.g. {@code transport}
 * @param name e.g. 交通运输圈
 * @param aliases short names dispatchers type, e.g. 交通, 交通运输
 */
public record Circle(String id, String name, List<String> aliases) {

	public Circle {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
	}

}
