package io.jingling.sms;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingling.alerts.OpsAlerts;
import io.jingling.connectors.sms.client.SmsClient;
import io.jingling.connectors.sms.client.SmsDetail;
import io.jingling.connectors.sms.client.SmsSent;
import io.jingling.outbox.DeliveryListener;
import io.jingling.schedule.DueItem;
import io.jingling.schedule.DueWork;
import io.jingling.schedule.DueWorkHandler;
import io.jingling.support.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What follows an SMS send: a receipt check when no push has confirmed a number after
 * {@link #CHECK_AFTER} (by {@code QuerySendDetails}, up to {@link #CHECKS} times), and an
 * operational alert when Aliyun refuses for a reason only an admin can fix (balance,
 * suspension, account limits).
 */
@Component
class SmsFollowUp implements DeliveryListener, DueWorkHandler {

	private static final Logger log = LoggerFactory.getLogger(SmsFollowUp.class);

	static final String CHECK = "SMS_CHECK";

	static final Duration CHECK_AFTER = Duration.ofMinutes(10);

	static final int CHECKS = 3;

	private static final Set<String> ADMIN_CODES = Set.of("isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE",
			"isv.DAY_LIMIT_CONTROL", "isv.MONTH_LIMIT_CONTROL");

	private final JdbcTemplate jdbc;

	private final DueWork dueWork;

	private final ObjectProvider<SmsClient> client;

	private final SmsReceipts receipts;

	private final OpsAlerts alerts;

	private final ObjectMapper json;

	private final ZoneId zone;

	private final Clock clock;

	SmsFollowUp(JdbcTemplate jdbc, DueWork dueWork, ObjectProvider<SmsClient> client, SmsReceipts receipts,
			OpsAlerts alerts, ObjectMapper json, HubProperties hub, Clock clock) {
		this.jdbc = jdbc;
		this.dueWork = dueWork;
		this.client = client;
		this.receipts = receipts;
		this.alerts = alerts;
		this.json = json;
		this.zone = hub.timeZone();
		this.clock = clock;
	}

	@Override
	public void sent(List<DeliveredRow> rows, Object result, Instant at) {
		if (result instanceof SmsSent sent) {
			this.dueWork.schedule(CHECK, sent.bizId(), 1, at.plus(CHECK_AFTER));
		}
	}

	@Override
	public void dead(DeliveredRow row, String code, Instant at) {
		if (!"SMS".equals(row.operation()) || !ADMIN_CODES.contains(code)) {
			return;
		}
		this.alerts.raise(OpsAlerts.Signal.SMS_ACCOUNT, code,
				"阿里云短信拒绝发送（" + code + "：余额不足、欠费停机或达到账户日/月上限），未读警令的短信催办暂停，请管理员处理。");
	}

	@Override
	public String kind() {
		return CHECK;
	}

	@Override
	public void run(List<DueItem> items) {
		DueWorkHandler.each(items, this::check);
	}

	private void check(DueItem item) {
		SmsClient sms = this.client.getIfAvailable();
		if (sms == null) {
			return;
		}
		String bizId = item.subject();
		List<Waiting> waiting = this.jdbc.query(
				"SELECT s.accepted_at, o.payload FROM sms_sent s"
						+ " JOIN outbox o ON o.id = s.outbox_id WHERE s.biz_id = ? AND s.receipt IS NULL",
				(rs, i) -> new Waiting(phoneOf(rs.getString(2)),
						rs.getTimestamp(1).toInstant().atZone(this.zone).toLocalDate()),
				bizId);
		int confirmed = 0;
		for (Waiting number : waiting) {
			for (SmsDetail detail : sms.details(number.phone(), number.day(), bizId)) {
				if (detail.sendStatus() != 1
						&& this.receipts.record(bizId, number.phone(), detail.sendStatus() == 3, detail.errCode())) {
					confirmed++;
				}
			}
		}
		int left = waiting.size() - confirmed;
		if (left > 0 && item.step() < CHECKS) {
			this.dueWork.schedule(CHECK, bizId, item.step() + 1,
					this.clock.instant().plus(CHECK_AFTER.multipliedBy(item.step() * 3L)));
		}
		log.info("sms.check bizId={} waiting={} confirmed={}", bizId, waiting.size(), confirmed);
	}

	private String phoneOf(String payload) {
		try {
			JsonNode node = this.json.readTree(payload);
			return node.path("sms").path("phoneNumber").asText();
		}
		catch (IOException ex) {
			throw new IllegalStateException("outbox payload cannot be read", ex);
		}
	}

	private record Waiting(String phone, LocalDate day) {
	}

}
