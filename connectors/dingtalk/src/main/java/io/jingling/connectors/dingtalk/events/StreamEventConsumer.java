package io.jingling.connectors.dingtalk.events;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import com.dingtalk.open.app.api.GenericEventListener;
import com.dingtalk.open.app.api.OpenDingTalkClient;
import com.dingtalk.open.app.api.OpenDingTalkStreamClientBuilder;
import com.dingtalk.open.app.api.message.GenericOpenDingTalkEvent;
import com.dingtalk.open.app.api.security.AuthClientCredential;
import com.dingtalk.open.app.stream.protocol.event.EventAckStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.TransientConnectorException;

/**
 * Receives DingTalk events in Stream mode: one outbound WebSocket opened by the Stream
 * SDK ({@code com.dingtalk.open:dingtalk-stream}), subscribed to all events, so the hub
 * needs no public callback URL and no decryption. Each event is mapped with
 * {@link DingTalkEvents#fromStream} and handed to the sink; DingTalk gets {@code SUCCESS}
 * only once the sink returned, and {@code LATER} (redeliver) when mapping or the sink
 * threw. Redelivery means duplicates: the sink deduplicates on
 * {@link DingTalkEvent#eventId()}. The SDK keeps the connection up and reconnects with a
 * new ticket when DingTalk asks it to.
 *
 * @see <a href= "https://open.dingtalk.com/document/orgapp/configure-stream-push">Stream
 * mode</a>
 */
public final class StreamEventConsumer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(StreamEventConsumer.class);

	private final Function<GenericEventListener, OpenDingTalkClient> connector;

	private final Consumer<DingTalkEvent> sink;

	private OpenDingTalkClient client;

	/**
	 * A consumer for one app; nothing connects before {@link #start()}.
	 * @throws IllegalArgumentException naming the {@code jingling.dingtalk.*} setting
	 * that is missing
	 */
	public StreamEventConsumer(String appKey, String appSecret, Consumer<DingTalkEvent> sink) {
		this(sdkConnector(appKey, appSecret), sink);
	}

	// Tests hand in a fake client, so no test needs the network.
	StreamEventConsumer(Function<GenericEventListener, OpenDingTalkClient> connector, Consumer<DingTalkEvent> sink) {
		this.connector = connector;
		this.sink = Objects.requireNonNull(sink, "sink");
	}

	/**
	 * Opens the Stream connection.
	 * @throws IllegalStateException if already started
	 * @throws TransientConnectorException if the SDK could not open it
	 */
	public synchronized void start() {
		if (this.client != null) {
			throw new IllegalStateException("DingTalk Stream consumer is already started");
		}
		OpenDingTalkClient opened = this.connector.apply(this::onEvent);
		try {
			opened.start();
		}
		catch (Exception ex) {
			throw new TransientConnectorException("dingtalk", "stream.open", "DingTalk Stream connection did not open",
					ex);
		}
		this.client = opened;
		log.info("dingtalk.stream started");
	}

	/** Closes the connection; DingTalk redelivers what was not acknowledged. */
	@Override
	public synchronized void close() {
		if (this.client == null) {
			return;
		}
		try {
			this.client.stop();
			log.info("dingtalk.stream stopped");
		}
		catch (Exception ex) {
			log.warn("dingtalk.stream stop-failed error={}", ex.getClass().getName());
		}
		finally {
			this.client = null;
		}
	}

	// The SDK calls this on its consumer threads, once per EVENT frame.
	EventAckStatus onEvent(GenericOpenDingTalkEvent received) {
		DingTalkEvent event;
		try {
			event = DingTalkEvents.fromStream(received);
		}
		catch (RuntimeException ex) {
			log.warn("dingtalk.stream-event unreadable eventId={}", received.getEventId());
			return EventAckStatus.LATER;
		}
		try {
			this.sink.accept(event);
		}
		catch (RuntimeException ex) {
			// Only the type: the sink's message may quote the event.
			log.warn("dingtalk.stream-event deferred eventId={} eventType={} error={}", event.eventId(),
					event.eventType(), ex.getClass().getName());
			return EventAckStatus.LATER;
		}
		log.debug("dingtalk.stream-event acknowledged eventId={} eventType={}", event.eventId(), event.eventType());
		return EventAckStatus.SUCCESS;
	}

	private static Function<GenericEventListener, OpenDingTalkClient> sdkConnector(String appKey, String appSecret) {
		if (appKey == null || appKey.isBlank()) {
			throw new IllegalArgumentException("DingTalk app-key is missing: set jingling.dingtalk.app-key");
		}
		if (appSecret == null || appSecret.isBlank()) {
			throw new IllegalArgumentException("DingTalk app-secret is missing: set jingling.dingtalk.app-secret");
		}
		return (listener) -> OpenDingTalkStreamClientBuilder.custom()
			.credential(new AuthClientCredential(appKey, appSecret))
			.registerAllEventListener(listener)
			.build();
	}

}
