package io.jingling.tip;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.jingling.bots.command.Texts;
import io.jingling.bots.engine.InformantMessageReceived;
import io.jingling.bots.engine.Officer;
import io.jingling.bots.engine.OptOut;
import io.jingling.bots.engine.RecordTip;
import io.jingling.bots.engine.RelayToInformant;
import io.jingling.bots.engine.TipView;
import io.jingling.connectors.dingtalk.client.MessageContent;
import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.directory.Liaison;
import io.jingling.inbound.ReplyChannel;
import io.jingling.informant.Members;
import io.jingling.outbox.Outbox;
import io.jingling.sms.InformantSms;
import io.jingling.support.CodeAllocator;
import io.jingling.support.CodeAllocator.CodeKind;
import io.jingling.support.Masks;
import io.jingling.templates.MessageTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records tips and talks back to informants; called inside the inbox transaction. A tip
 * gets its code, the informant an acknowledgement through 微信客服, and the case officer (for
 * a tip no request claims: the circle's liaisons) a DingTalk message with the pseudonym,
 * never an id, and with phone numbers in the text masked; the full text stays in the hub.
 */
@Component
public class Tips {

	private static final Logger log = LoggerFactory.getLogger(Tips.class);

	/**
	 * The same informant sending the same text for the same request within this time is
	 * one tip.
	 */
	static final Duration MERGE_WINDOW = Duration.ofMinutes(10);

	private static final String WINDOW_CLOSED = "已超过 48 小时回复时限或 5 条回复上限，需等线人再次发消息";

	private static final String BY_SMS_ONLY = "该线人只用短信联系，短信只能发送审批过的固定模板，无法转达追问";

	private final JdbcTemplate jdbc;

	private final CodeAllocator codes;

	private final Outbox outbox;

	private final Members members;

	private final DirectoryStore directory;

	private final InformantSms informantSms;

	private final MessageTemplates templates;

	Tips(JdbcTemplate jdbc, CodeAllocator codes, Outbox outbox, Members members, DirectoryStore directory,
			InformantSms informantSms, MessageTemplates templates) {
		this.templates = templates;
		this.informantSms = informantSms;
		this.jdbc = jdbc;
		this.codes = codes;
		this.outbox = outbox;
		this.members = members;
		this.directory = directory;
	}

	public void record(long inboxId, RecordTip tip) {
		InformantMessageReceived message = tip.message();
		if (mergedIntoEarlier(tip)) {
			log.info("tip.record merged member={} assist={}", message.pseudonym(), tip.assistCode());
			return;
		}
		String code = this.codes.next(CodeKind.TIP);
		this.jdbc.update(
				"INSERT INTO tip (code, assist_code, member_id, linked_by, kind, content, media_ref,"
						+ " received_at, source_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				code, tip.assistCode(), tip.memberId(), tip.linkedBy(), message.kind(), message.text(),
				message.mediaRef(), Timestamp.from(message.occurredAt()), inboxId);
		if (this.members.takeReply(tip.memberId())) {
			if (InformantSms.bySms(tip.message().channel())) {
				this.informantSms.send("tip:" + code + ":ack", tip.memberId(), InformantSms.Notice.TIP_ACK, code);
			}
			else {
				this.outbox.toInformant("tip:" + code + ":ack", tip.memberId(), tip.message().channel(),
						this.templates.tipAck(code));
			}
		}
		Directory people = this.directory.current();
		String markdown = Texts.tipForOfficer(code, tip.assistCode(), message.pseudonym(),
				people.circleName(message.circleId()), message.township(), message.kind(),
				Masks.phonesIn(message.text()), tip.linkedBy());
		this.outbox.toUsers("tip:" + code + ":forward", recipients(tip, people),
				new MessageContent(Texts.tipTitle(code), markdown));
		log.info("tip.record done code={} assist={} linkedBy={} kind={} member={}", code, tip.assistCode(),
				tip.linkedBy(), message.kind(), message.pseudonym());
	}

	/**
	 * The case officer's follow-up question, relayed to the informant if the reply window
	 * allows.
	 */
	public void relay(String key, RelayToInformant relay, ReplyChannel officer) {
		Optional<Long> member = memberOf(relay.tipCode());
		String answer;
		if (member.isPresent() && InformantSms.bySms(this.members.channelOf(member.get()))) {
			answer = Texts.relayUnavailable(relay.tipCode(), BY_SMS_ONLY);
		}
		else if (member.isPresent() && this.members.takeReply(member.get())) {
			this.outbox.toInformant(key, member.get(), this.members.channelOf(member.get()),
					"警方追问（线索 " + relay.tipCode() + "）：" + relay.text());
			answer = "已转达给线人（" + relay.tipCode() + "）。";
		}
		else {
			answer = Texts.relayUnavailable(relay.tipCode(), member.isPresent() ? WINDOW_CLOSED : "未找到该线索");
		}
		if (officer != null) {
			this.outbox.reply(key + ":ack", officer, new MessageContent("警铃", answer));
		}
	}

	/** 退订: no more broadcasts or SMS; confirmed to the informant. */
	public void optOut(String key, OptOut optOut) {
		this.members.optOut(optOut.memberId());
		if (this.members.takeReply(optOut.memberId())) {
			String channel = this.members.channelOf(optOut.memberId());
			if (InformantSms.bySms(channel)) {
				this.informantSms.send(key, optOut.memberId(), InformantSms.Notice.OPTED_OUT, null);
			}
			else {
				this.outbox.toInformant(key, optOut.memberId(), channel, Texts.optedOut());
			}
		}
		log.info("member.opt-out done memberId={}", optOut.memberId());
	}

	/** A tip by code, as the engine sees it. */
	public Optional<TipView> view(String code) {
		return this.jdbc
			.query("SELECT t.code, t.assist_code, a.case_officer FROM tip t LEFT JOIN assist_request a"
					+ " ON a.code = t.assist_code WHERE t.code = ?",
					(rs, i) -> new TipView(rs.getString(1), rs.getString(2), rs.getString(3)), code)
			.stream()
			.findFirst();
	}

	private boolean mergedIntoEarlier(RecordTip tip) {
		InformantMessageReceived message = tip.message();
		if (message.text().isBlank()) {
			return false;
		}
		Instant since = message.occurredAt().minus(MERGE_WINDOW);
		List<String> same = this.jdbc.queryForList(
				"SELECT code FROM tip WHERE member_id = ? AND content = ?" + " AND received_at >= ? AND "
						+ ((tip.assistCode() == null) ? "assist_code IS NULL" : "assist_code = ?"),
				String.class, params(tip, since));
		if (same.isEmpty()) {
			return false;
		}
		this.jdbc.update("UPDATE tip SET merged = merged + 1 WHERE code = ?", same.get(0));
		return true;
	}

	private static Object[] params(RecordTip tip, Instant since) {
		Timestamp from = Timestamp.from(since);
		return (tip.assistCode() == null) ? new Object[] { tip.memberId(), tip.message().text(), from }
				: new Object[] { tip.memberId(), tip.message().text(), from, tip.assistCode() };
	}

	private List<String> recipients(RecordTip tip, Directory people) {
		if (tip.assistCode() != null) {
			String caseOfficer = this.jdbc.queryForObject("SELECT case_officer FROM assist_request WHERE code = ?",
					String.class, tip.assistCode());
			return List.of(caseOfficer);
		}
		List<String> liaisons = people.liaisons()
			.values()
			.stream()
			.filter((liaison) -> liaison.circleId().equals(tip.message().circleId()))
			.map(Liaison::dingtalkUserId)
			.filter(Objects::nonNull)
			.distinct()
			.sorted()
			.toList();
		// a tip nobody's request claims and no liaison covers still reaches someone: the
		// dispatchers
		return liaisons.isEmpty()
				? people.officers().values().stream().filter(Officer::dispatcher).map(Officer::userId).sorted().toList()
				: liaisons;
	}

	private Optional<Long> memberOf(String tipCode) {
		return this.jdbc.queryForList("SELECT member_id FROM tip WHERE code = ?", Long.class, tipCode)
			.stream()
			.findFirst();
	}

}
