package io.jingling.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jingling.bots.engine.Circle;
import io.jingling.bots.engine.Group;
import io.jingling.bots.engine.Officer;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the bureau file into the database and keeps the in-memory snapshot the engine
 * reads.
 */
@Component
public class DirectoryStore implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(DirectoryStore.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final HubProperties hub;

	private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
		.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

	private volatile Directory current = Directory.EMPTY;

	// The circles in force: the file's until a version of the circles config applies.
	private volatile CirclesFile circles;

	DirectoryStore(JdbcTemplate jdbc, TransactionTemplate transaction, HubProperties hub) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.hub = hub;
	}

	public Directory current() {
		return current;
	}

	@Override
	public void afterPropertiesSet() {
		load();
	}

	/**
	 * Replaces the stored directory with the bureau file's content and the circles in
	 * force (at first, {@code config/circles.yaml}), and refreshes the snapshot.
	 */
	public void load() {
		Path file = this.hub.resolve(this.hub.bureauFile());
		BureauFile bureau = read(file, BureauFile.class);
		if (this.circles == null) {
			this.circles = read(this.hub.resolve(Circles.FILE), CirclesFile.class);
		}
		CirclesFile circles = this.circles;
		this.transaction.executeWithoutResult((status) -> {
			replace(bureau);
			replace(circles);
		});
		this.current = readBack(circles.quotaPolicy());
		log.info("directory.load done file={} officers={} groups={} circles={} customerGroups={}", file.getFileName(),
				this.current.officers().size(), this.current.groups().size(), this.current.circles().size(),
				this.current.customerGroups().size());
	}

	/**
	 * Puts a checked version of the circles in force, at once and as a whole; customer
	 * groups WeCom dismissed stay dismissed.
	 */
	void replaceCircles(CirclesFile circles) {
		this.transaction.executeWithoutResult((status) -> {
			List<String> dismissed = this.jdbc.queryForList("SELECT chat_id FROM customer_group WHERE dismissed",
					String.class);
			replace(circles);
			this.jdbc.batchUpdate("UPDATE customer_group SET dismissed = TRUE WHERE chat_id = ?",
					dismissed.stream().map((chat) -> new Object[] { chat }).toList());
		});
		this.circles = circles;
		this.current = readBack(circles.quotaPolicy());
	}

	/** A customer group WeCom dismissed: no broadcasts go to it from now on. */
	public void dismiss(String chatId) {
		this.jdbc.update("UPDATE customer_group SET dismissed = TRUE WHERE chat_id = ?", chatId);
		this.current = readBack(this.current.quotaPolicy());
	}

	private <T> T read(Path file, Class<T> type) {
		if (!Files.isReadable(file)) {
			throw new IllegalStateException("Directory file " + file
					+ " is missing: set jingling.bureau-file, or jingling.home to the folder holding config/");
		}
		try {
			return this.yaml.readValue(file.toFile(), type);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Directory file " + file + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	private void replace(BureauFile bureau) {
		this.jdbc.update("DELETE FROM group_member");
		this.jdbc.update("DELETE FROM dingtalk_group");
		this.jdbc.update("DELETE FROM officer");
		jdbc.batchUpdate("INSERT INTO officer (user_id, name, unit, roles, phone) VALUES (?, ?, ?, ?, ?)",
				bureau.officers()
					.stream()
					.map((o) -> new Object[] { o.userId(), o.name(), o.unit(), String.join(",", roles(o)), o.phone() })
					.toList());
		jdbc.batchUpdate("INSERT INTO dingtalk_group (open_conversation_id, name, channel) VALUES (?, ?, ?)",
				bureau.groups()
					.stream()
					.map((g) -> new Object[] { g.openConversationId(), g.name(), g.channel() })
					.toList());
		List<Object[]> members = new ArrayList<>();
		bureau.groups()
			.forEach((g) -> g.members().forEach((m) -> members.add(new Object[] { g.openConversationId(), m })));
		jdbc.batchUpdate("INSERT INTO group_member (open_conversation_id, user_id) VALUES (?, ?)", members);
	}

	private void replace(CirclesFile file) {
		this.jdbc.update("DELETE FROM liaison");
		this.jdbc.update("DELETE FROM customer_group");
		this.jdbc.update("DELETE FROM circle");
		List<Object[]> circles = new ArrayList<>();
		List<Object[]> liaisons = new ArrayList<>();
		List<Object[]> groups = new ArrayList<>();
		for (int i = 0; i < file.circles().size(); i++) {
			CirclesFile.CircleEntry c = file.circles().get(i);
			circles.add(new Object[] { c.id(), c.name(), String.join(",", c.aliases()), i });
			c.liaisons().forEach((l) -> liaisons.add(new Object[] { l.wecomUserId(), c.id(), l.dingtalkUserId() }));
			c.groups()
				.forEach((g) -> groups
					.add(new Object[] { g.chatId(), c.id(), g.name(), g.township(), g.owner(), groups.size() }));
		}
		this.jdbc.batchUpdate("INSERT INTO circle (id, name, aliases, position) VALUES (?, ?, ?, ?)", circles);
		this.jdbc.batchUpdate("INSERT INTO liaison (wecom_user_id, circle_id, dingtalk_user_id) VALUES (?, ?, ?)",
				liaisons);
		this.jdbc.batchUpdate(
				"INSERT INTO customer_group (chat_id, circle_id, name, township, owner, position) VALUES (?, ?, ?, ?, ?, ?)",
				groups);
	}

	private static List<String> roles(BureauFile.OfficerEntry officer) {
		return (officer.roles() != null) ? officer.roles() : List.of();
	}

	private Directory readBack(QuotaPolicy policy) {
		List<Officer> officers = jdbc.query("SELECT user_id, name, unit, roles FROM officer",
				(rs, i) -> new Officer(rs.getString(1), rs.getString(2), rs.getString(3), split(rs.getString(4))));
		List<Group> groups = jdbc.query("SELECT open_conversation_id, name, channel FROM dingtalk_group",
				(rs, i) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3)));
		Map<String, Set<String>> members = new LinkedHashMap<>();
		jdbc.query("SELECT open_conversation_id, user_id FROM group_member",
				(RowCallbackHandler) (rs) -> members.computeIfAbsent(rs.getString(1), (k) -> new HashSet<>())
					.add(rs.getString(2)));
		members.replaceAll((k, v) -> Set.copyOf(v));
		List<Circle> circles = jdbc.query("SELECT id, name, aliases FROM circle ORDER BY position",
				(rs, i) -> new Circle(rs.getString(1), rs.getString(2), List.of(rs.getString(3).split(","))));
		List<CustomerGroup> customerGroups = this.jdbc.query(
				"SELECT g.chat_id, g.circle_id, g.name, g.township, g.owner FROM customer_group g"
						+ " JOIN circle c ON c.id = g.circle_id WHERE NOT g.dismissed ORDER BY g.position",
				(rs, i) -> new CustomerGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)));
		List<Liaison> liaisons = this.jdbc.query("SELECT wecom_user_id, circle_id, dingtalk_user_id FROM liaison",
				(rs, i) -> new Liaison(rs.getString(1), rs.getString(2), rs.getString(3)));
		return Directory.of(officers, groups, members, circles, customerGroups, liaisons, policy);
	}

	private static Set<String> split(String joined) {
		return joined.isBlank() ? Set.of() : Set.of(joined.split(","));
	}

}
