package io.jingling.connectors.sms.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

// Every accepted message and what became of it per number, kept for QuerySendDetails and
// receipts. BizIds keep counting across reset(), so a hub that stays up never sees one twice.
final class MessageStore {

	/** Aliyun reports times in China time. */
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);

	private final List<SimulatedSms> accepted = new ArrayList<>();

	// key: bizId + number
	private final Map<String, Delivery> deliveries = new LinkedHashMap<>();

	private long lastBizId = 900_000_000_000_000_000L;

	synchronized String nextBizId() {
		this.lastBizId++;
		return this.lastBizId + "^0";
	}

	synchronized void accept(SimulatedSms sms) {
		this.accepted.add(sms);
		sms.phoneNumbers()
			.forEach((number) -> this.deliveries.putIfAbsent(key(sms.bizId(), number), Delivery.waiting(sms, number)));
	}

	synchronized List<SimulatedSms> accepted() {
		return List.copyOf(this.accepted);
	}

	synchronized void deliver(String bizId, String phoneNumber, boolean success, Instant at) {
		Delivery delivery = this.deliveries.get(key(bizId, phoneNumber));
		if (delivery == null) {
			throw new IllegalArgumentException("No message " + bizId + " to that number was accepted");
		}
		this.deliveries.put(key(bizId, phoneNumber), delivery.reported(success, at));
	}

	// Reported but not yet acknowledged by the hub, oldest report first.
	synchronized List<Delivery> pendingReceipts() {
		return this.deliveries.values()
			.stream()
			.filter((delivery) -> delivery.status() != Delivery.WAITING && !delivery.pushed())
			.sorted((a, b) -> a.reportedAt().compareTo(b.reportedAt()))
			.toList();
	}

	synchronized void markPushed(List<Delivery> pushed) {
		for (Delivery delivery : pushed) {
			String key = key(delivery.sms().bizId(), delivery.phoneNumber());
			// a delivery reported again since the push keeps its new receipt pending
			if (delivery.equals(this.deliveries.get(key))) {
				this.deliveries.put(key, delivery.pushedOnce());
			}
		}
	}

	// QuerySendDetails rows: messages to the number sent on that day (China time), in
	// send
	// order.
	synchronized List<Delivery> sentTo(String phoneNumber, LocalDate sendDate, String bizId) {
		return this.deliveries.values()
			.stream()
			.filter((delivery) -> delivery.phoneNumber().equals(phoneNumber))
			.filter((delivery) -> LocalDate.ofInstant(delivery.sms().sentAt(), CHINA).equals(sendDate))
			.filter((delivery) -> bizId == null || bizId.isEmpty() || delivery.sms().bizId().equals(bizId))
			.toList();
	}

	synchronized void reset() {
		this.accepted.clear();
		this.deliveries.clear();
	}

	private static String key(String bizId, String phoneNumber) {
		return bizId + "\n" + phoneNumber;
	}

}
