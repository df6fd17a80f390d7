package io.jingling.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jingling.config.ConfigLines;
import io.jingling.config.OneFileKind;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The six circles, a versioned config ({@code circles}, seeded from
 * {@code config/circles.yaml}): their names and aliases, liaison officers and WeCom
 * customer groups. A version is checked as a whole before it applies, and one that does
 * not check out is refused with the file, the line and the reason: the six circle ids
 * each once, no name or alias in two circles, a known DingTalk officer behind each
 * liaison, each customer group once and owned by a liaison of its circle. Broadcasts
 * already planned keep the groups they were planned for.
 */
@Component
public class Circles extends OneFileKind {

	private static final Logger log = LoggerFactory.getLogger(Circles.class);

	static final String FILE = "config/circles.yaml";

	/** The circles' ids, fixed: commands, rules and codes name them. */
	static final List<String> IDS = List.of("transport", "hospitality", "recycling", "rental", "merchants", "village");

	private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
		.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

	private final DirectoryStore directory;

	Circles(DirectoryStore directory, HubProperties hub) {
		super("circles", FILE, hub.resolve(FILE), "圈子配置");
		this.directory = directory;
	}

	@Override
	public void check(String content) {
		parse(content);
	}

	@Override
	public void apply(String content) {
		CirclesFile circles = parse(content);
		this.directory.replaceCircles(circles);
		log.info("circles.apply done circles={} customerGroups={}", circles.circles().size(),
				circles.circles().stream().mapToInt((circle) -> circle.groups().size()).sum());
	}

	private CirclesFile parse(String content) {
		CirclesFile file;
		try {
			file = this.yaml.readValue(content, CirclesFile.class);
		}
		catch (UnrecognizedPropertyException ex) {
			throw new IllegalArgumentException(FILE + ", line " + line(ex) + ": 未知的键「" + ex.getPropertyName()
					+ "」，这里可用的键：" + ex.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList(), ex);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(FILE + ", line " + line(ex) + ": " + ex.getOriginalMessage(), ex);
		}
		ConfigLines lines = new ConfigLines(FILE, content);
		if (file == null || file.circles() == null) {
			throw lines.refusal(1, "缺少 circles：六个圈子都要列出");
		}
		if (file.quotaPolicy() == null) {
			throw lines.refusal(1, "缺少 quota-policy（days-in-month、seven-per-week 或 one-per-day）");
		}
		Set<String> officers = this.directory.current().officers().keySet();
		Set<String> ids = new LinkedHashSet<>();
		Map<String, String> names = new HashMap<>();
		Set<String> liaisons = new HashSet<>();
		Set<String> chats = new HashSet<>();
		for (CirclesFile.CircleEntry circle : file.circles()) {
			String id = text(circle.id());
			if (!IDS.contains(id)) {
				throw lines.refusal(lines.of("id: " + id), "未知的圈子 id「" + id + "」，应为 " + String.join("、", IDS) + " 之一");
			}
			if (!ids.add(id)) {
				throw lines.refusal(lines.of("id: " + id, 2), "圈子 " + id + " 出现了两次");
			}
			if (text(circle.name()).isEmpty()) {
				throw lines.refusal(lines.of("id: " + id), "圈子 " + id + " 缺少 name：民警和线人的化名都用它");
			}
			for (String name : names(circle)) {
				String other = names.putIfAbsent(name, id);
				if (other != null) {
					throw lines.refusal(lines.of(name, other.equals(id) ? 2 : 1, lines.of("id: " + id)),
							other.equals(id) ? "圈子 " + id + " 的名称或简称「" + name + "」重复了"
									: "名称或简称「" + name + "」同时属于 " + other + " 和 " + id + "，指令里无法分辨");
				}
			}
			Set<String> ownLiaisons = new HashSet<>();
			for (CirclesFile.LiaisonEntry liaison : circle.liaisons()) {
				String user = text(liaison.wecomUserId());
				if (user.isEmpty() || !liaisons.add(user)) {
					throw lines.refusal(lines.of("wecom-user-id: " + user, user.isEmpty() ? 1 : 2),
							user.isEmpty() ? "联络员缺少 wecom-user-id" : "联络员 " + user + " 出现了两次");
				}
				ownLiaisons.add(user);
				String officer = text(liaison.dingtalkUserId());
				if (!officer.isEmpty() && !officers.contains(officer)) {
					throw lines.refusal(lines.of("dingtalk-user-id: " + officer),
							"联络员 " + user + " 对应的钉钉用户 " + officer + " 不在本局民警名单里");
				}
			}
			for (CirclesFile.GroupEntry group : circle.groups()) {
				String chat = text(group.chatId());
				if (chat.isEmpty() || text(group.name()).isEmpty() || text(group.township()).isEmpty()) {
					throw lines.refusal(lines.of("chat-id: " + chat), "客户群须有 chat-id、name 和 township");
				}
				if (!chats.add(chat)) {
					throw lines.refusal(lines.of("chat-id: " + chat, 2), "客户群 " + chat + " 出现了两次");
				}
				if (!ownLiaisons.contains(text(group.owner()))) {
					throw lines.refusal(lines.of("chat-id: " + chat), "客户群「" + group.name() + "」的群主 " + group.owner()
							+ " 不是圈子 " + id + " 的联络员（" + String.join("、", ownLiaisons) + "）");
				}
			}
		}
		List<String> missing = IDS.stream().filter((id) -> !ids.contains(id)).toList();
		if (!missing.isEmpty()) {
			throw lines.refusal(lines.of("circles:"), "缺少圈子 " + String.join("、", missing) + "：六个圈子都要列出");
		}
		return file;
	}

	private static int line(JsonProcessingException ex) {
		return (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 1;
	}

	private static List<String> names(CirclesFile.CircleEntry circle) {
		List<String> names = new ArrayList<>(List.of(circle.name().strip()));
		circle.aliases().stream().map(Circles::text).filter((alias) -> !alias.isEmpty()).forEach(names::add);
		return names;
	}

	private static String text(String value) {
		return (value != null) ? value.strip() : "";
	}

}
