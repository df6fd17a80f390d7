package io.jingling.assist;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import io.jingling.audit.AuditLog;
import io.jingling.bots.command.Texts;
import io.jingling.bots.engine.AssistRequestOpened;
import io.jingling.bots.engine.AssistRequestView;
import io.jingling.bots.engine.CloseAssistRequest;
import io.jingling.bots.engine.OpenAssistRequest;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.inbound.ReplyChannel;
import io.jingling.informant.Members;
import io.jingling.outbox.Outbox;
import io.jingling.sms.InformantSms;
import io.jingling.support.CodeAllocator;
import io.jingling.support.CodeAllocator.CodeKind;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Registers, closes and describes assist requests; called inside the inbox transaction.
 * Lifecycle: CREATED → BROADCAST (tasks planned) → CLOSED, or past its validity.
 */
@Component
public class AssistRequests {

	private static final Logger log = LoggerFactory.getLogger(AssistRequests.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private static final String OPEN = "status IN ('CREATED', 'BROADCAST', 'COLLECTING') AND valid_until > ?";

	private static final RowMapper<AssistRequestView> VIEW = (rs, i) -> new AssistRequestView(rs.getString(1),
			rs.getString(2), List.of(rs.getString(3).split(",")), rs.getString(4), rs.getTimestamp(5).toInstant());

	private final JdbcTemplate jdbc;

	private final CodeAllocator codes;

	private final Outbox outbox;

	private final DirectoryStore directory;

	private final Members members;

	private final BroadcastReach reach;

	private final Clock clock;

	private final HubProperties hub;

	private final InformantSms informantSms;

	private final AuditLog audit;

	AssistRequests(JdbcTemplate jdbc, CodeAllocator codes, Outbox outbox, DirectoryStore directory, Members members,
			BroadcastReach reach, Clock clock, HubProperties hub, InformantSms informantSms, AuditLog audit) {
		this.audit = audit;
		this.informantSms = informantSms;
		this.jdbc = jdbc;
		this.codes = codes;
		this.outbox = outbox;
		this.directory = directory;
		this.members = members;
		this.reach = reach;
		this.clock = clock;
		this.hub = hub;
	}

	/**
	 * Stores the request, confirms it with its code, and returns the event the rules
	 * decide on.
	 */
	public AssistRequestOpened open(long inboxId, OpenAssistRequest request, ReplyChannel confirmTo) {
		String code = this.codes.next(CodeKind.ASSIST_REQUEST);
		Instant now = this.clock.instant();
		Instant validUntil = now.plus(request.validity());
		this.jdbc.update(
				"INSERT INTO assist_request (code, circles, content, case_officer, requested_by, status,"
						+ " created_at, valid_until, source_event_id, urgent, sensitive)"
						+ " VALUES (?, ?, ?, ?, ?, 'CREATED', ?, ?, ?, ?, ?)",
				code, String.join(",", request.circleIds()), request.content(), request.caseOfficer(),
				request.requestedBy(), Timestamp.from(now), Timestamp.from(validUntil), inboxId, request.urgent(),
				request.sensitive());
		Directory people = this.directory.current();
		if (confirmTo != null) {
			this.outbox.reply("assist:" + code + ":ack", confirmTo,
					new MessageContent("警铃",
							Texts.assistConfirmed(code, request.circleIds().stream().map(people::circleName).toList(),
									people.nameOf(request.caseOfficer()), validUntil.atZone(this.hub.timeZone()))));
		}
		this.audit.append(request.requestedBy(), AuditLog.Action.ASSIST_OPENED, code,
				"圈子 " + String.join(",", request.circleIds()) + "，主办 " + request.caseOfficer()
						+ (request.urgent() ? "，紧急" : "") + (request.sensitive() ? "，敏感" : ""));
		log.info("assist.open done code={} circles={}", code, request.circleIds());
		return new AssistRequestOpened("assist:" + code, now, code, request.circleIds(), request.content(),
				request.caseOfficer(), request.requestedBy(), request.urgent(), request.sensitive());
	}

	private void thank(String code, long member) {
		String channel = this.members.channelOf(member);
		if (InformantSms.bySms(channel)) {
			this.informantSms.send("assist:" + code + ":thanks", member, InformantSms.Notice.THANKS, code);
		}
		else {
			this.outbox.toInformant("assist:" + code + ":thanks", member, channel, Texts.thanksOnClose(code));
		}
	}

	/** 结案: no new tips link to it; informants who sent tips are thanked. */
	public void close(CloseAssistRequest close, ReplyChannel dispatcher) {
		int closed = this.jdbc.update("UPDATE assist_request SET status = 'CLOSED' WHERE code = ? AND " + OPEN,
				close.code(), Timestamp.from(this.clock.instant()));
		if (closed == 1) {
			this.audit.append(close.closedBy(), AuditLog.Action.ASSIST_CLOSED, close.code(), "结案");
			this.members.tipstersOf(close.code())
				.stream()
				.filter(this.members::takeReply)
				.forEach((member) -> thank(close.code(), member));
		}
		if (dispatcher != null) {
			String text = (closed == 1) ? Texts.assistClosed(close.code()) : "协查 " + close.code() + " 已结案或已过期。";
			this.outbox.reply("assist:" + close.code() + ":close", dispatcher, new MessageContent("警铃", text));
		}
		log.info("assist.close {} code={}", (closed == 1) ? "done" : "skipped", close.code());
	}

	public Optional<AssistRequestView> view(String code) {
		return this.jdbc
			.query("SELECT code, status, circles, case_officer, valid_until FROM assist_request WHERE code = ?", VIEW,
					code)
			.stream()
			.findFirst();
	}

	/** The most recent open request that names the circle. */
	public Optional<AssistRequestView> latestOpen(String circleId) {
		return this.jdbc
			.query("SELECT code, status, circles, case_officer, valid_until FROM assist_request WHERE " + OPEN
					+ " ORDER BY created_at DESC", VIEW, Timestamp.from(this.clock.instant()))
			.stream()
			.filter((request) -> request.circleIds().contains(circleId))
			.findFirst();
	}

	/** A status line with reach per circle. */
	public Optional<String> statusOf(String code) {
		return view(code).map((request) -> {
			Directory people = this.directory.current();
			String state = switch (request.status()) {
				case "CREATED" -> "已登记，未发布";
				case "PENDING_APPROVAL" -> "待审批，局领导同意后发布";
				case "CANCELLED" -> "审批未通过，已取消";
				case "BROADCAST", "COLLECTING" -> "已发布，收集线索中";
				case "CLOSED" -> "已结案";
				default -> request.status();
			};
			String line = "协查 " + code + "：" + state + "；主办：" + people.nameOf(request.caseOfficer()) + "；有效至 "
					+ TIME.format(request.validUntil().atZone(this.hub.timeZone()));
			List<String> reachLines = this.reach.describe(code);
			return reachLines.isEmpty() ? line : line + "\n" + String.join("\n", reachLines);
		});
	}

}
