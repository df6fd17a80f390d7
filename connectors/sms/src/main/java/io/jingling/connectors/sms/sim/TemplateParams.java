package io.jingling.connectors.sms.sim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

// The JSON inside SMS parameters, read as the platform reads it: TemplateParam is a JSON object
// of strings ({"code":123} is refused), the batch arrays are JSON arrays, and every variable
// of the template must be there, at most 35 characters long (the notice limit).
final class TemplateParams {

	static final int MAX_VARIABLE_LENGTH = 35;

	private TemplateParams() {
	}

	// HTTP 400 Missing<Name> for the first mandatory parameter absent or blank.
	static Optional<Answer> missing(Map<String, String> params, String... names) {
		for (String name : names) {
			String value = params.get(name);
			if (value == null || value.isBlank()) {
				return Optional.of(Answer.error(400, "Missing" + name, name + " is mandatory for this action."));
			}
		}
		return Optional.empty();
	}

	// The refusal for a TemplateParam (null: none sent) against the template's variables.
	static Optional<Answer> refuseParams(List<String> variables, String json) {
		JsonNode node = (json != null) ? read(json) : Answer.json().createObjectNode();
		if (node == null || !node.isObject() || !allTextual(node)) {
			return Optional.of(Answer.business("isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值"));
		}
		if (!variables.stream().allMatch(node::hasNonNull)) {
			return Optional.of(Answer.business("isv.TEMPLATE_MISSING_PARAMETERS", "模板缺少变量"));
		}
		if (variables.stream().anyMatch((name) -> node.get(name).asText().length() > MAX_VARIABLE_LENGTH)) {
			return Optional.of(Answer.business("isv.PARAM_LENGTH_LIMIT", "参数超出长度限制"));
		}
		return Optional.empty();
	}

	// A checked TemplateParam as name to value, in the order sent; empty when none was
	// sent.
	static Map<String, String> parse(String json) {
		Map<String, String> params = new LinkedHashMap<>();
		JsonNode node = (json != null) ? read(json) : null;
		if (node != null) {
			node.fields().forEachRemaining((field) -> params.put(field.getKey(), field.getValue().asText()));
		}
		return Collections.unmodifiableMap(params);
	}

	// A JSON array of strings, or null when it is not one.
	static List<String> strings(String json) {
		JsonNode node = read(json);
		if (node == null || !node.isArray()) {
			return null;
		}
		List<String> values = new ArrayList<>();
		for (JsonNode element : node) {
			if (!element.isTextual()) {
				return null;
			}
			values.add(element.asText());
		}
		return values;
	}

	// A JSON array of objects, each as its JSON text, or null when it is not one.
	static List<String> objects(String json) {
		JsonNode node = read(json);
		if (node == null || !node.isArray()) {
			return null;
		}
		List<String> values = new ArrayList<>();
		for (JsonNode element : node) {
			if (!element.isObject()) {
				return null;
			}
			values.add(element.toString());
		}
		return values;
	}

	private static boolean allTextual(JsonNode object) {
		Iterator<JsonNode> values = object.elements();
		while (values.hasNext()) {
			if (!values.next().isTextual()) {
				return false;
			}
		}
		return true;
	}

	private static JsonNode read(String json) {
		try {
			return Answer.json().readTree(json);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
