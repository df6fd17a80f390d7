package io.jingling.bots.command.assist;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.jingling.bots.engine.Circle;

/**
 * The circles at the start of {@code 协查}'s arguments and the content after them. Leading
 * words are taken while they name a circle (by id, name or alias, or {@code 全部} for all);
 * the first word that does not starts the content.
 *
 * @param circleIds the chosen circles' ids, in the configured order
 * @param content the rest of the text, as written
 */
record CircleSelection(List<String> circleIds, String content) {

	static final String ALL = "全部";

	static CircleSelection parse(String arguments, List<Circle> circles) {
		Set<String> chosen = new LinkedHashSet<>();
		int start = skipSeparators(arguments, 0);
		while (start < arguments.length()) {
			int end = endOfWord(arguments, start);
			String word = arguments.substring(start, end);
			if (word.equals(ALL)) {
				circles.forEach((circle) -> chosen.add(circle.id()));
			}
			else if (!word.startsWith("@")) {
				Optional<Circle> circle = named(word, circles);
				if (circle.isEmpty()) {
					break;
				}
				chosen.add(circle.get().id());
			}
			start = skipSeparators(arguments, end);
		}
		return new CircleSelection(inConfiguredOrder(chosen, circles), arguments.substring(start));
	}

	private static Optional<Circle> named(String word, List<Circle> circles) {
		String id = word.toLowerCase(Locale.ROOT);
		return circles.stream()
			.filter((circle) -> circle.id().equals(id) || circle.name().equals(word) || circle.aliases().contains(word))
			.findFirst();
	}

	private static List<String> inConfiguredOrder(Set<String> chosen, List<Circle> circles) {
		return circles.stream().map(Circle::id).filter(chosen::contains).toList();
	}

	private static int skipSeparators(String text, int from) {
		int index = from;
		while (index < text.length() && isSeparator(text.charAt(index))) {
			index++;
		}
		return index;
	}

	private static int endOfWord(String text, int from) {
		int index = from;
		while (index < text.length() && !isSeparator(text.charAt(index))) {
			index++;
		}
		return index;
	}

	private static boolean isSeparator(char c) {
		return c == ',' || c == '，' || c == '、' || Character.isWhitespace(c);
	}

}
