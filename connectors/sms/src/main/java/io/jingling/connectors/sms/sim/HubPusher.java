package io.jingling.connectors.sms.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

// Plays Aliyun pushing to the hub (HTTP批量推送): SmsReport receipts and SmsUp replies as JSON
// arrays. A push counts as received only on HTTP 200 with a numeric code 0 in the answer;
// otherwise the receipts stay pending, as Aliyun pushes them again later.
final class HubPusher {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	// the extension number Aliyun assigns to the account's replies
	static final String DEST_CODE = "1234";

	private final Clock clock;

	private final MessageStore store;

	// HTTP/1.1 as Aliyun pushes; the JDK client would otherwise try an h2c upgrade
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	private final AtomicLong sequence = new AtomicLong(1_000_000_000L);

	HubPusher(Clock clock, MessageStore store) {
		this.clock = clock;
		this.store = store;
	}

	// The status of the last post, or 0 when no receipt was pending and nothing was
	// posted.
	int pushReceipts(URI reportUrl, boolean duplicate) {
		List<Delivery> pending = this.store.pendingReceipts();
		if (pending.isEmpty()) {
			return 0;
		}
		ArrayNode receipts = Answer.json().createArrayNode();
		pending.forEach((delivery) -> receipts.addObject()
			.put("phone_number", delivery.phoneNumber())
			.put("send_time", MessageStore.TIME.format(delivery.sms().sentAt()))
			.put("report_time", MessageStore.TIME.format(delivery.reportedAt()))
			.put("success", delivery.status() == Delivery.DELIVERED)
			.put("err_code", delivery.errCode())
			.put("err_msg", delivery.errMsg())
			.put("sms_size", "1")
			.put("biz_id", delivery.sms().bizId())
			.put("out_id", delivery.sms().outId()));
		boolean received = false;
		int status = 0;
		for (int i = 0; i < (duplicate ? 2 : 1); i++) {
			HttpResponse<String> answer = post(reportUrl, receipts.toString());
			status = answer.statusCode();
			received |= acknowledged(answer);
		}
		if (received) {
			this.store.markPushed(pending);
		}
		return status;
	}

	int pushReply(URI upUrl, String phoneNumber, String content) {
		ArrayNode replies = Answer.json().createArrayNode();
		replies.addObject()
			.put("phone_number", phoneNumber)
			.put("content", content)
			.put("send_time", MessageStore.TIME.format(this.clock.instant()))
			.put("dest_code", DEST_CODE)
			.put("sequence_id", String.valueOf(this.sequence.incrementAndGet()));
		return post(upUrl, replies.toString()).statusCode();
	}

	private HttpResponse<String> post(URI url, String json) {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json;charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Push to the hub failed: " + url.getHost() + url.getPath(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Push to the hub was interrupted", ex);
		}
	}

	private static boolean acknowledged(HttpResponse<String> answer) {
		if (answer.statusCode() != 200) {
			return false;
		}
		try {
			JsonNode code = Answer.json().readTree(answer.body()).get("code");
			return code != null && code.isNumber() && code.asInt() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
