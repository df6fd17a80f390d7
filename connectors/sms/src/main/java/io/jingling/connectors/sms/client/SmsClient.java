package io.jingling.connectors.sms.client;

import java.time.LocalDate;
import java.util.List;

/**
 * The Aliyun SMS calls the hub makes (dysmsapi 2017-05-25). A failure throws a
 * {@link io.jingling.connectors.ConnectorException}: transient when a retry may help
 * (check receipts first: a send that timed out may have gone out), throttled when a
 * number hit its frequency limit, permanent otherwise; {@link SmsErrors#needsAdmin} tells
 * the permanent ones an administrator must fix (balance, account caps).
 *
 * @see <a href=
 * "https://help.aliyun.com/en/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms">SendSms</a>
 * @see <a href="https://help.aliyun.com/document_detail/419274.html">SendBatchSms</a>
 * @see <a href="https://help.aliyun.com/document_detail/419277.html">QuerySendDetails</a>
 */
public interface SmsClient {

	/** SendSms: one template and one set of variables to up to 1000 numbers. */
	SmsSent send(SmsMessage message);

	/** SendBatchSms: one template, variables per number, up to 100 numbers. */
	SmsSent sendBatch(SmsBatchMessage message);

	/**
	 * QuerySendDetails: what became of the messages sent to one number on one day (China
	 * time, within the last 30 days), all pages read; {@code bizId} narrows it to one
	 * send and may be null.
	 */
	List<SmsDetail> details(String phoneNumber, LocalDate sendDate, String bizId);

}
