package io.jingling.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import io.jingling.connectors.sms.client.PhoneNumbers;
import io.jingling.connectors.sms.push.SmsPushes;
import io.jingling.connectors.sms.push.SmsReceipt;
import io.jingling.inbound.CallbackRefusal;
import io.jingling.outbox.SmsFrequency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Delivery receipts, from Aliyun's pushes or from {@code QuerySendDetails}: the first
 * receipt for a (batch, number) is kept, a duplicate changes nothing.
 */
@Component
class SmsReceipts {

	private static final Logger log = LoggerFactory.getLogger(SmsReceipts.class);

	private final JdbcTemplate jdbc;

	private final SmsFrequency frequency;

	private final Clock clock;

	SmsReceipts(JdbcTemplate jdbc, SmsFrequency frequency, Clock clock) {
		this.jdbc = jdbc;
		this.frequency = frequency;
		this.clock = clock;
	}

	/** Records one push's receipts; a body that is not Aliyun's JSON array is refused. */
	public void recordPush(String body) {
		List<SmsReceipt> receipts;
		try {
			receipts = SmsPushes.receipts(body);
		}
		catch (IllegalArgumentException ex) {
			throw CallbackRefusal.of(400, "malformed push");
		}
		int recorded = 0;
		for (SmsReceipt receipt : receipts) {
			if (record(receipt.bizId(), receipt.phoneNumber(), receipt.success(), receipt.errCode())) {
				recorded++;
			}
		}
		log.info("sms.receipts push receipts={} recorded={} duplicatesOrUnknown={}", receipts.size(), recorded,
				receipts.size() - recorded);
	}

	/** Records a receipt unless one is known; true when this one was recorded. */
	boolean record(String bizId, String phoneNumber, boolean delivered, String code) {
		String phoneKey;
		try {
			phoneKey = this.frequency.phoneKey(PhoneNumbers.normalise(phoneNumber));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return this.jdbc.update(
				"UPDATE sms_sent SET receipt = ?, receipt_code = ?, receipt_at = ? WHERE biz_id = ?"
						+ " AND phone_key = ? AND receipt IS NULL",
				delivered ? "DELIVERED" : "FAILED", code, Timestamp.from(this.clock.instant()), bizId, phoneKey) == 1;
	}

}
