package io.jingling.assist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import io.jingling.bots.command.Texts;
import io.jingling.bots.engine.Circle;
import io.jingling.bots.engine.OpenAssistRequest;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.inbound.ReplyChannel;
import io.jingling.outbox.Outbox;
import io.jingling.support.CodeAllocator;
import io.jingling.support.CodeAllocator.CodeKind;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Registers assist requests and answers their status; called inside the inbox
 * transaction.
 */
@Component
public class AssistRequests {

	private static final Logger log = LoggerFactory.getLogger(AssistRequests.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private final JdbcTemplate jdbc;

	private final CodeAllocator codes;

	private final Outbox outbox;

	private final DirectoryStore directory;

	private final Clock clock;

	private final HubProperties hub;

	AssistRequests(JdbcTemplate jdbc, CodeAllocator codes, Outbox outbox, DirectoryStore directory, Clock clock,
			HubProperties hub) {
		this.jdbc = jdbc;
		this.codes = codes;
		this.outbox = outbox;
		this.directory = directory;
		this.clock = clock;
		this.hub = hub;
	}

	/**
	 * Stores the request (status CREATED) and confirms it with its code in the
	 * conversation.
	 */
	public String open(long inboxId, OpenAssistRequest request, ReplyChannel confirmTo) {
		String code = codes.next(CodeKind.ASSIST_REQUEST);
		Instant now = clock.instant();
		Instant validUntil = now.plus(request.validity());
		jdbc.update(
				"INSERT INTO assist_request (code, circles, content, case_officer, requested_by, status,"
						+ " created_at, valid_until, source_event_id) VALUES (?, ?, ?, ?, ?, 'CREATED', ?, ?, ?)",
				code, String.join(",", request.circleIds()), request.content(), request.caseOfficer(),
				request.requestedBy(), Timestamp.from(now), Timestamp.from(validUntil), inboxId);
		Directory people = directory.current();
		outbox.reply("assist:" + code + ":ack", confirmTo,
				new MessageContent("警铃", Texts.assistConfirmed(code, circleNames(people, request.circleIds()),
						people.nameOf(request.caseOfficer()), validUntil.atZone(hub.timeZone()))));
		log.info("assist.open done code={} circles={}", code, request.circleIds());
		return code;
	}

	/** A one-line status of an assist request. */
	public Optional<String> statusOf(String code) {
		List<String> found = jdbc.query(
				"SELECT circles, case_officer, status, valid_until FROM assist_request WHERE code = ?",
				(rs, i) -> describe(code, List.of(rs.getString(1).split(",")), rs.getString(2), rs.getString(3),
						rs.getTimestamp(4).toInstant()),
				code);
		return found.stream().findFirst();
	}

	private String describe(String code, List<String> circles, String caseOfficer, String status, Instant validUntil) {
		Directory people = directory.current();
		String state = "CREATED".equals(status) ? "已登记，待发布到圈子" : status;
		return "协查 " + code + "：" + state + "；圈子：" + String.join("、", circleNames(people, circles)) + "；主办："
				+ people.nameOf(caseOfficer) + "；有效至 " + TIME.format(validUntil.atZone(hub.timeZone()));
	}

	private static List<String> circleNames(Directory people, List<String> ids) {
		return ids.stream()
			.map((id) -> people.circles()
				.stream()
				.filter((c) -> c.id().equals(id))
				.map(Circle::name)
				.findFirst()
				.orElse(id))
			.toList();
	}

}
