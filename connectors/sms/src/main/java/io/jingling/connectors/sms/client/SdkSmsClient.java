package io.jingling.connectors.sms.client;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsRequest;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsResponseBody;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsResponseBody.QuerySendDetailsResponseBodySmsSendDetailDTOsSmsSendDetailDTO;
import com.aliyun.dysmsapi20170525.models.SendBatchSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendBatchSmsResponseBody;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponseBody;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.TransientConnectorException;

/**
 * {@link SmsClient} over the official SDK ({@code com.aliyun:dysmsapi20170525}). The
 * endpoint comes from {@link SmsSettings#endpoint()} so the simulator can stand in. Every
 * send is checked against its {@link SmsTemplates} before any request. SDK retries are
 * off: a send is not idempotent, and the hub's outbox owns retries.
 */
public final class SdkSmsClient implements SmsClient {

	private static final Logger log = LoggerFactory.getLogger(SdkSmsClient.class);

	static final long PAGE_SIZE = 50;

	private static final DateTimeFormatter SEND_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final String OK = "OK";

	private final SmsSettings settings;

	private final SmsTemplates templates;

	private final Client client;

	private final ObjectMapper json = new ObjectMapper();

	public SdkSmsClient(SmsSettings settings, SmsTemplates templates) {
		this.settings = settings;
		this.templates = templates;
		try {
			this.client = new Client(config(settings));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Aliyun SMS SDK client could not be created for " + settings.endpoint(),
					ex);
		}
	}

	@Override
	public SmsSent send(SmsMessage message) {
		this.templates.check(message.templateCode(), message.params());
		SendSmsRequest request = new SendSmsRequest().setPhoneNumbers(String.join(",", message.phoneNumbers()))
			.setSignName(this.settings.signName())
			.setTemplateCode(message.templateCode())
			.setTemplateParam(message.params().isEmpty() ? null : toJson(message.params()))
			.setOutId(message.outId());
		SendSmsResponseBody body = SdkCalls.call("send", "outId=" + message.outId(),
				() -> this.client.sendSmsWithOptions(request, runtime()).getBody());
		requireOk("send", "outId=" + message.outId(), body.getCode(), body.getMessage(), body.getRequestId());
		log.info("sms.send outId={} numbers={} bizId={} requestId={}", message.outId(), message.phoneNumbers().size(),
				body.getBizId(), body.getRequestId());
		return new SmsSent(body.getBizId(), body.getRequestId());
	}

	@Override
	public SmsSent sendBatch(SmsBatchMessage message) {
		message.params().forEach((params) -> this.templates.check(message.templateCode(), params));
		int count = message.phoneNumbers().size();
		SendBatchSmsRequest request = new SendBatchSmsRequest().setPhoneNumberJson(toJson(message.phoneNumbers()))
			.setSignNameJson(toJson(Collections.nCopies(count, this.settings.signName())))
			.setTemplateCode(message.templateCode())
			.setTemplateParamJson(toJson(message.params()))
			.setOutId(message.outId());
		SendBatchSmsResponseBody body = SdkCalls.call("send-batch", "outId=" + message.outId(),
				() -> this.client.sendBatchSmsWithOptions(request, runtime()).getBody());
		requireOk("send-batch", "outId=" + message.outId(), body.getCode(), body.getMessage(), body.getRequestId());
		log.info("sms.send-batch outId={} numbers={} bizId={} requestId={}", message.outId(), count, body.getBizId(),
				body.getRequestId());
		return new SmsSent(body.getBizId(), body.getRequestId());
	}

	@Override
	public List<SmsDetail> details(String phoneNumber, LocalDate sendDate, String bizId) {
		String number = PhoneNumbers.normalise(phoneNumber);
		List<SmsDetail> details = new ArrayList<>();
		long total = Long.MAX_VALUE;
		for (long page = 1; details.size() < total; page++) {
			QuerySendDetailsRequest request = new QuerySendDetailsRequest().setPhoneNumber(number)
				.setSendDate(SEND_DATE.format(sendDate))
				.setBizId(bizId)
				.setPageSize(PAGE_SIZE)
				.setCurrentPage(page);
			QuerySendDetailsResponseBody body = SdkCalls.call("details", "bizId=" + bizId,
					() -> this.client.querySendDetailsWithOptions(request, runtime()).getBody());
			requireOk("details", "bizId=" + bizId, body.getCode(), body.getMessage(), body.getRequestId());
			List<QuerySendDetailsResponseBodySmsSendDetailDTOsSmsSendDetailDTO> rows = rows(body);
			rows.forEach((row) -> details.add(detail(row)));
			total = (body.getTotalCount() != null) ? Long.parseLong(body.getTotalCount()) : 0;
			if (rows.isEmpty()) {
				break; // the total moved under us: what was there has been read
			}
		}
		log.debug("sms.details read bizId={} rows={}", bizId, details.size());
		return details;
	}

	// A 2xx answer whose Code is not OK: the SDK does not throw for those.
	private static void requireOk(String operation, String reference, String code, String message, String requestId) {
		if (OK.equals(code)) {
			return;
		}
		if (code == null) {
			throw new TransientConnectorException(SmsErrors.PLATFORM, "no-code",
					"Aliyun SMS " + operation + " answered without a Code (request " + requestId + ").");
		}
		log.warn("sms.{} refused {} code={} requestId={}", operation, reference, code, requestId);
		throw SmsErrors.business(operation, code, message, requestId);
	}

	private static List<QuerySendDetailsResponseBodySmsSendDetailDTOsSmsSendDetailDTO> rows(
			QuerySendDetailsResponseBody body) {
		if (body.getSmsSendDetailDTOs() == null || body.getSmsSendDetailDTOs().getSmsSendDetailDTO() == null) {
			return List.of();
		}
		return body.getSmsSendDetailDTOs().getSmsSendDetailDTO();
	}

	private static SmsDetail detail(QuerySendDetailsResponseBodySmsSendDetailDTOsSmsSendDetailDTO row) {
		int status = (row.getSendStatus() != null) ? row.getSendStatus().intValue() : SmsDetail.WAITING;
		return new SmsDetail(row.getPhoneNum(), status, row.getErrCode(), row.getOutId(), row.getSendDate(),
				row.getReceiveDate());
	}

	private String toJson(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("SMS parameters could not be written as JSON", ex);
		}
	}

	private RuntimeOptions runtime() {
		int millis = (int) this.settings.timeout().toMillis();
		return new RuntimeOptions().setAutoretry(false)
			.setMaxAttempts(0)
			.setReadTimeout(millis)
			.setConnectTimeout(millis);
	}

	private static Config config(SmsSettings settings) {
		int millis = (int) settings.timeout().toMillis();
		return new Config().setProtocol(settings.protocol())
			.setEndpoint(settings.hostAndPort())
			.setAccessKeyId(settings.accessKeyId())
			.setAccessKeySecret(settings.accessKeySecret())
			.setReadTimeout(millis)
			.setConnectTimeout(millis);
	}

}
