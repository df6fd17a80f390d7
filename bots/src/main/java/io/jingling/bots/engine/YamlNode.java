package io.jingling.bots.engine;

import java.util.List;
import java.util.Optional;

/**
 * A YAML document as a tree that remembers where each node starts, so load errors can
 * point at it.
 */
sealed interface YamlNode {

	Position position();

	/**
	 * A scalar as written: YAML 1.1 booleans such as {@code on} stay text; {@code text}
	 * is null for YAML null.
	 */
	record Scalar(String text, Position position) implements YamlNode {

	}

	record Sequence(List<YamlNode> items, Position position) implements YamlNode {

	}

	record Mapping(List<Field> fields, Position position) implements YamlNode {

		Optional<Field> field(String key) {
			return this.fields.stream().filter((field) -> field.key().equals(key)).findFirst();
		}

	}

	record Field(String key, Position position, YamlNode value) {

	}

}
