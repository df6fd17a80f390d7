package io.jingling.connectors.sms.sim;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

// QuerySendDetails answered from the store: one number per call, a send date within the last
// 30 days (China time), PageSize 1 to 50, CurrentPage from 1; status 1 until a test delivers.
final class SimulatedQueries {

	static final int MAX_PAGE_SIZE = 50;

	static final int DAYS_KEPT = 30;

	private final Clock clock;

	private final MessageStore store;

	SimulatedQueries(Clock clock, MessageStore store) {
		this.clock = clock;
		this.store = store;
	}

	Answer querySendDetails(Map<String, String> params) {
		Optional<Answer> missing = TemplateParams.missing(params, "PhoneNumber", "SendDate", "PageSize", "CurrentPage");
		if (missing.isPresent()) {
			return missing.get();
		}
		LocalDate sendDate = date(params.get("SendDate"));
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), MessageStore.CHINA);
		if (sendDate == null || sendDate.isAfter(today) || sendDate.isBefore(today.minusDays(DAYS_KEPT))) {
			return Answer.business("isv.INVALID_PARAMETERS", "SendDate须为近30天内的日期，格式yyyyMMdd");
		}
		int pageSize = number(params.get("PageSize"));
		int page = number(params.get("CurrentPage"));
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE || page < 1) {
			return Answer.business("isv.INVALID_PARAMETERS", "PageSize须为1到50，CurrentPage从1开始");
		}
		List<Delivery> rows = this.store.sentTo(SimulatedSends.normalise(params.get("PhoneNumber")), sendDate,
				params.get("BizId"));
		ObjectNode answer = Answer.json().createObjectNode().put("TotalCount", String.valueOf(rows.size()));
		ArrayNode details = answer.putObject("SmsSendDetailDTOs").putArray("SmsSendDetailDTO");
		rows.stream().skip((long) (page - 1) * pageSize).limit(pageSize).forEach((row) -> details.add(detail(row)));
		return Answer.ok(answer);
	}

	private static ObjectNode detail(Delivery row) {
		SimulatedSms sms = row.sms();
		return Answer.json()
			.createObjectNode()
			.put("PhoneNum", row.phoneNumber())
			.put("SendStatus", row.status())
			.put("ErrCode", row.errCode())
			.put("TemplateCode", sms.templateCode())
			.put("Content", content(sms))
			.put("SendDate", MessageStore.TIME.format(sms.sentAt()))
			.put("ReceiveDate", (row.reportedAt() != null) ? MessageStore.TIME.format(row.reportedAt()) : "")
			.put("OutId", sms.outId());
	}

	// The simulator does not know the template's text: it shows the sign, the template
	// and
	// the variables.
	private static String content(SimulatedSms sms) {
		return "【" + sms.signName() + "】" + sms.templateCode() + " " + sms.params();
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static int number(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
