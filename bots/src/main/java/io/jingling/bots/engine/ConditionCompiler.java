package io.jingling.bots.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.cel.common.CelIssue;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.Program;

/**
 * Compiles {@code when:} conditions with CEL, typed against the event's declared
 * variables and required to be bool. CEL has no loops or recursion, so a condition always
 * terminates.
 */
final class ConditionCompiler {

	private static final String UNDECLARED = "undeclared reference to '";

	private final String file;

	private final List<String> sourceLines;

	private final Map<EventKind, CelCompiler> compilers = new EnumMap<>(EventKind.class);

	private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();

	ConditionCompiler(String file, String source) {
		this.file = file;
		this.sourceLines = source.lines().toList();
		for (EventKind kind : EventKind.values()) {
			CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
				.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
				.setResultType(SimpleType.BOOL);
			kind.declarations().forEach(builder::addVar);
			this.compilers.put(kind, builder.build());
		}
	}

	Program compile(String ruleId, EventKind kind, YamlNode.Scalar when) throws RuleLoadException {
		CelValidationResult result = this.compilers.get(kind).compile(when.text());
		try {
			return this.runtime.createProgram(result.getAst());
		}
		catch (CelValidationException ex) {
			CelIssue issue = result.getErrors().get(0);
			throw new RuleLoadException(this.file, ruleId, locate(when, issue.getSourceLocation()),
					reason(kind, when.text(), issue), ex);
		}
		catch (CelEvaluationException ex) {
			throw new RuleLoadException(this.file, ruleId, when.position(), "condition cannot be prepared", ex);
		}
	}

	// CEL reports a typo in a dotted name as an unknown first segment ('event'); name it
	// in full.
	private static String reason(EventKind kind, String expression, CelIssue issue) {
		String name = issue.getMessage().startsWith(UNDECLARED) ? dottedNameAt(expression, issue.getSourceLocation())
				: "";
		if (name.isEmpty()) {
			return issue.getMessage();
		}
		return UNDECLARED + name + "'; " + kind.typeName() + " conditions may use "
				+ String.join(", ", new TreeSet<>(kind.declarations().keySet()));
	}

	private static String dottedNameAt(String expression, CelSourceLocation location) {
		List<String> lines = expression.lines().toList();
		if (location.getLine() < 1 || location.getLine() > lines.size()) {
			return "";
		}
		String line = lines.get(location.getLine() - 1);
		int end = location.getColumn();
		while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_'
				|| line.charAt(end) == '.')) {
			end++;
		}
		return line.substring(Math.min(location.getColumn(), end), end);
	}

	/**
	 * Translates CEL's position inside the condition to the rules file: the value's own
	 * line and column, past an opening quote, or on the following lines for a block
	 * scalar ({@code |} or {@code >}).
	 */
	private Position locate(YamlNode.Scalar when, CelSourceLocation location) {
		Position start = when.position();
		if (start == null || location.getLine() < 1) {
			return start;
		}
		char indicator = charAt(start);
		if (indicator == '|' || indicator == '>') {
			int indent = indentOf(start.line() + 1);
			return new Position(start.line() + location.getLine(), indent + location.getColumn() + 1);
		}
		if (location.getLine() > 1) {
			return new Position(start.line() + location.getLine() - 1, location.getColumn() + 1);
		}
		int opening = (indicator == '"' || indicator == '\'') ? 1 : 0;
		return new Position(start.line(), start.column() + opening + location.getColumn());
	}

	private char charAt(Position position) {
		if (position.line() > this.sourceLines.size()) {
			return ' ';
		}
		String line = this.sourceLines.get(position.line() - 1);
		return (position.column() <= line.length()) ? line.charAt(position.column() - 1) : ' ';
	}

	private int indentOf(int lineNumber) {
		if (lineNumber > this.sourceLines.size()) {
			return 0;
		}
		String line = this.sourceLines.get(lineNumber - 1);
		return line.length() - line.stripLeading().length();
	}

}
