package io.jingling.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.jingling.config.ConfigLines;
import io.jingling.config.OneFileKind;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The texts the hub sends, a versioned config ({@code templates}, seeded from
 * {@code config/templates.yaml}): Mustache templates rendered for DingTalk (an order) and
 * WeCom (an assist request's broadcast, a tip's acknowledgement). A version is checked as
 * a whole: every template present and no other, each compiles, renders against a sample
 * with only the values it is given, carries what it must and fits its platform's limit;
 * one that does not is refused with the file, the line and the reason. A broadcast keeps
 * the template it was planned under.
 */
@Component
public class MessageTemplates extends OneFileKind {

	private static final Logger log = LoggerFactory.getLogger(MessageTemplates.class);

	static final String FILE = "config/templates.yaml";

	// WeCom's customer-group message task (add_msg_template) takes at most 4000 bytes of
	// text, 微信客服 and Official Account replies 2048
	static final int BROADCAST_MAX_BYTES = 4000;

	static final int REPLY_MAX_BYTES = 2048;

	// what a broadcast's content may shrink to before the template is refused as too long
	static final int MIN_CONTENT_BYTES = 200;

	private static final String ELLIPSIS = "…";

	// templates kept compiled: the ones in force and those broadcasts were planned under
	private static final int MAX_COMPILED = 64;

	private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).strictSections(true);

	/** The templates: their names, the values each gets, and a sample of those. */
	enum Kind {

		ORDER("order", true,
				Map.of("code", "JL-20261130-001", "content", "今晚 20:00 全员到岗\n带齐装备", "quoted", "> 今晚 20:00 全员到岗\n> 带齐装备",
						"postedBy", "韩调度")),
		ASSIST_BROADCAST("assist-broadcast", false,
				Map.of("code", "XC-20261130-001", "content", "寻找灰色面包车，车牌尾号 357", "link",
						"https://work.weixin.qq.com/kfid/kfcJinglingSample?enc_scene=ENCtransport")),
		TIP_ACK("tip-ack", false, Map.of("code", "XS-20261130-0001"));

		private final String key;

		private final boolean titled;

		private final Map<String, String> sample;

		Kind(String key, boolean titled, Map<String, String> sample) {
			this.key = key;
			this.titled = titled;
			this.sample = sample;
		}

		static Kind of(String key) {
			for (Kind kind : values()) {
				if (kind.key.equals(key)) {
					return kind;
				}
			}
			return null;
		}

	}

	private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

	private final Map<String, Template> compiled = new ConcurrentHashMap<>();

	private volatile Map<Kind, Source> loaded;

	MessageTemplates(HubProperties hub) {
		super("templates", FILE, hub.resolve(FILE), "消息模板");
		try {
			this.loaded = parse(Files.readString(hub.resolve(FILE)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(FILE + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void check(String content) {
		parse(content);
	}

	@Override
	public void apply(String content) {
		this.loaded = parse(content);
		log.info("templates.apply done templates={}", this.loaded.size());
	}

	/** An order as its recipients get it: the title and the markdown. */
	public MessageContent order(String code, String content, String postedBy) {
		Source order = this.loaded.get(Kind.ORDER);
		String stripped = content.strip();
		Map<String, String> values = Map.of("code", code, "content", stripped, "quoted",
				"> " + String.join("\n> ", stripped.split("\n")), "postedBy", postedBy);
		return new MessageContent(render(order.title(), values), render(order.text(), values));
	}

	/** The broadcast template in force, for a plan to keep. */
	public String broadcastTemplate() {
		return this.loaded.get(Kind.ASSIST_BROADCAST).text();
	}

	/**
	 * What the circles' groups receive, the content cut (ending in {@code …}) so the
	 * whole text stays within WeCom's 4000 bytes.
	 * @param template the template the broadcast was planned under, or {@code null} for
	 * the one in force
	 */
	public String broadcast(String template, String code, String content, String link) {
		String source = (template != null) ? template : broadcastTemplate();
		String overhead = render(source, Map.of("code", code, "content", "", "link", link));
		String fitted = fit(content.strip(), BROADCAST_MAX_BYTES - utf8Length(overhead));
		return render(source, Map.of("code", code, "content", fitted, "link", link));
	}

	/** The informant's acknowledgement of a tip. */
	public String tipAck(String tipCode) {
		return render(this.loaded.get(Kind.TIP_ACK).text(), Map.of("code", tipCode));
	}

	private String render(String source, Map<String, String> values) {
		if (this.compiled.size() > MAX_COMPILED) {
			this.compiled.clear();
		}
		return this.compiled.computeIfAbsent(source, COMPILER::compile).execute(values);
	}

	/** One template's text, and its title where it has one. */
	private record Source(String title, String text) {
	}

	private Map<Kind, Source> parse(String content) {
		ConfigLines lines = new ConfigLines(FILE, content);
		JsonNode root;
		try {
			root = this.yaml.readTree(content);
		}
		catch (IOException ex) {
			throw lines.refusal(1, "不是合法的 YAML：" + ex.getMessage());
		}
		if (root == null || !root.isObject()) {
			throw lines.refusal(1, "应为模板名到模板的映射：order、assist-broadcast、tip-ack");
		}
		Map<Kind, Source> templates = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : root.properties()) {
			int at = lines.of(entry.getKey() + ":");
			Kind kind = Kind.of(entry.getKey());
			if (kind == null) {
				throw lines.refusal(at, "未知的模板「" + entry.getKey() + "」，模板有 order、assist-broadcast、tip-ack");
			}
			templates.put(kind, source(kind, entry.getValue(), lines, at));
		}
		for (Kind kind : Kind.values()) {
			if (!templates.containsKey(kind)) {
				throw lines.refusal(1, "缺少模板「" + kind.key + "」");
			}
		}
		return Map.copyOf(templates);
	}

	private Source source(Kind kind, JsonNode node, ConfigLines lines, int at) {
		Set<String> keys = kind.titled ? Set.of("title", "text") : Set.of("text");
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			String name = property.getKey();
			if (!keys.contains(name)) {
				throw lines.refusal(lines.of(name + ":", 1, at), "模板「" + kind.key + "」没有「" + name + "」这一项，可用："
						+ String.join("、", keys.stream().sorted().toList()));
			}
		}
		String text = node.path("text").asText("");
		String title = node.path("title").asText("");
		if (text.isBlank() || (kind.titled && title.isBlank())) {
			throw lines.refusal(at, "模板「" + kind.key + "」须有" + (kind.titled ? " title 和 text" : " text"));
		}
		int textLine = firstLineOf(lines, "text:", at);
		String rendered = tryRender(kind, text, lines, textLine);
		if (kind.titled) {
			tryRender(kind, title, lines, firstLineOf(lines, "title:", at));
		}
		if (kind == Kind.ASSIST_BROADCAST) {
			for (String value : List.of("code", "content", "link")) {
				if (!rendered.contains(kind.sample.get(value))) {
					throw lines.refusal(textLine, "协查群发模板须包含 {{" + value + "}}：线人要靠编号和链接提供线索，链接也用来核对已建的群发任务");
				}
			}
			int overhead = utf8Length(rendered) - utf8Length(kind.sample.get("content"));
			if (overhead > BROADCAST_MAX_BYTES - MIN_CONTENT_BYTES) {
				throw lines.refusal(textLine, "协查群发模板除正文外已有 " + overhead + " 字节，企业微信最多 " + BROADCAST_MAX_BYTES
						+ " 字节，正文至少要留 " + MIN_CONTENT_BYTES + " 字节");
			}
		}
		if (kind == Kind.TIP_ACK && utf8Length(rendered) > REPLY_MAX_BYTES) {
			throw lines.refusal(textLine, "线索回执超过 " + REPLY_MAX_BYTES + " 字节，微信客服发不出去");
		}
		return new Source(title, text);
	}

	// The line a value's text starts on: the key's own, or the next one for a block
	// scalar (| or >).
	private static int firstLineOf(ConfigLines lines, String key, int from) {
		int line = lines.of(key, 1, from);
		String text = lines.lines().get(line - 1);
		int at = text.indexOf(key);
		String after = (at < 0) ? "" : text.substring(at + key.length()).strip();
		return (after.startsWith("|") || after.startsWith(">")) ? line + 1 : line;
	}

	// Renders against the kind's sample: a value the template is not given, or a template
	// that does not compile, is refused at the line it is on.
	private static String tryRender(Kind kind, String source, ConfigLines lines, int firstLine) {
		try {
			return COMPILER.compile(source).execute(kind.sample);
		}
		catch (MustacheException.Context ex) {
			throw lines.refusal(firstLine + Math.max(ex.lineNo - 1, 0), "模板「" + kind.key + "」用到没有的值 {{" + ex.key
					+ "}}，可用：" + String.join("、", kind.sample.keySet().stream().sorted().toList()));
		}
		catch (MustacheException ex) {
			throw lines.refusal(firstLine, "模板「" + kind.key + "」无法解析：" + ex.getMessage());
		}
	}

	private static String fit(String text, int maxBytes) {
		if (utf8Length(text) <= maxBytes) {
			return text;
		}
		int budget = maxBytes - utf8Length(ELLIPSIS);
		StringBuilder fitted = new StringBuilder();
		int used = 0;
		int index = 0;
		while (index < text.length()) {
			int codePoint = text.codePointAt(index);
			int bytes = utf8Length(Character.toString(codePoint));
			if (used + bytes > budget) {
				break;
			}
			fitted.appendCodePoint(codePoint);
			used += bytes;
			index += Character.charCount(codePoint);
		}
		return fitted.append(ELLIPSIS).toString();
	}

	private static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
