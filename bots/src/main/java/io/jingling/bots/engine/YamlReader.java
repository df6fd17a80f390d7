package io.jingling.bots.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads one YAML document into {@link YamlNode}s. The streaming parser is used rather
 * than a tree mapper because only it reports where each value starts.
 */
final class YamlReader {

	private static final YAMLFactory YAML = new YAMLFactory();

	private final String file;

	YamlReader(String file) {
		this.file = file;
	}

	/** Returns the document's root, or {@code null} when the document is empty. */
	YamlNode read(String yaml) throws RuleLoadException {
		try (JsonParser parser = YAML.createParser(yaml)) {
			if (parser.nextToken() == null) {
				return null;
			}
			YamlNode root = node(parser);
			if (parser.nextToken() != null) {
				throw new RuleLoadException(this.file, null, position(parser.currentTokenLocation()),
						"only one YAML document is allowed");
			}
			return root;
		}
		catch (JsonProcessingException ex) {
			throw new RuleLoadException(this.file, null, position(ex.getLocation()),
					"invalid YAML: " + problem(ex.getOriginalMessage()), ex);
		}
		catch (IOException ex) {
			throw new RuleLoadException(this.file, null, null, "cannot be read (" + ex.getClass().getSimpleName() + ")",
					ex);
		}
	}

	private YamlNode node(JsonParser parser) throws IOException, RuleLoadException {
		Position position = position(parser.currentTokenLocation());
		return switch (parser.currentToken()) {
			case START_ARRAY -> sequence(parser, position);
			case START_OBJECT -> mapping(parser, position);
			case VALUE_NULL -> new YamlNode.Scalar(null, position);
			default -> new YamlNode.Scalar(parser.getText(), position);
		};
	}

	private YamlNode sequence(JsonParser parser, Position position) throws IOException, RuleLoadException {
		List<YamlNode> items = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			items.add(node(parser));
		}
		return new YamlNode.Sequence(List.copyOf(items), position);
	}

	private YamlNode mapping(JsonParser parser, Position position) throws IOException, RuleLoadException {
		List<YamlNode.Field> fields = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String key = parser.currentName();
			Position keyPosition = position(parser.currentTokenLocation());
			if (!keys.add(key)) {
				throw new RuleLoadException(this.file, null, keyPosition, "duplicate key '" + key + "'");
			}
			parser.nextToken();
			fields.add(new YamlNode.Field(key, keyPosition, node(parser)));
		}
		return new YamlNode.Mapping(List.copyOf(fields), position);
	}

	private static Position position(JsonLocation location) {
		return (location != null && location.getLineNr() > 0)
				? new Position(location.getLineNr(), Math.max(location.getColumnNr(), 1)) : null;
	}

	// SnakeYAML's messages span several lines (context, snippet, caret); the last plain
	// line is the problem.
	private static String problem(String message) {
		String problem = "not well-formed";
		for (String line : message.split("\n")) {
			if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
				problem = line.strip();
			}
		}
		return problem;
	}

}
