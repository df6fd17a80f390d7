package io.jingling.connectors.dingtalk.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.dingtalk.open.app.api.GenericEventListener;
import com.dingtalk.open.app.api.OpenDingTalkClient;
import com.dingtalk.open.app.stream.protocol.event.EventAckStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.TransientConnectorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamEventConsumerTest {

	private final FakeStream stream = new FakeStream();

	private final List<DingTalkEvent> received = new CopyOnWriteArrayList<>();

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(StreamEventConsumer.class);

	@BeforeEach
	void captureLogs() {
		this.logs.start();
		this.logger.addAppender(this.logs);
	}

	@AfterEach
	void releaseLogs() {
		this.logger.detachAppender(this.logs);
	}

	@Test
	void acksSuccessOnceTheSinkTookTheEvent() throws Exception {
		try (var consumer = new StreamEventConsumer(this.stream, this.received::add)) {
			consumer.start();
			assertThat(StreamFrames.deliver(StreamFrames.APPROVAL_FINISHED, this.stream.listener))
				.isEqualTo(EventAckStatus.SUCCESS);
		}
		assertThat(this.received).singleElement().satisfies((event) -> {
			assertThat(event.eventId()).isEqualTo("evt-0001");
			assertThat(event.eventType()).isEqualTo("bpms_instance_change");
			assertThat(DingTalkEvents.text(event.data(), "processInstanceId")).isEqualTo("pi-0001");
		});
	}

	@Test
	void acksLaterWhenTheSinkThrows() throws Exception {
		try (var consumer = new StreamEventConsumer(this.stream, (event) -> {
			throw new IllegalStateException("inbox down while storing " + event.data());
		})) {
			consumer.start();
			assertThat(StreamFrames.deliver(StreamFrames.APPROVAL_FINISHED, this.stream.listener))
				.isEqualTo(EventAckStatus.LATER);
		}
		assertThat(messages()).anyMatch((line) -> line.contains("dingtalk.stream-event deferred eventId=evt-0001"));
		assertThat(messages()).noneMatch((line) -> line.contains("officer001") || line.contains("inbox down"));
	}

	@Test
	void acksLaterWhenTheEventCannotBeMapped() throws Exception {
		String untyped = StreamFrames.APPROVAL_FINISHED.replace("\"eventType\":\"bpms_instance_change\",", "");
		try (var consumer = new StreamEventConsumer(this.stream, this.received::add)) {
			consumer.start();
			assertThat(StreamFrames.deliver(untyped, this.stream.listener)).isEqualTo(EventAckStatus.LATER);
		}
		assertThat(this.received).isEmpty();
		assertThat(messages()).anyMatch((line) -> line.contains("dingtalk.stream-event unreadable eventId=evt-0001"));
	}

	@Test
	void handsARedeliveryToTheSinkAgain() throws Exception {
		try (var consumer = new StreamEventConsumer(this.stream, this.received::add)) {
			consumer.start();
			StreamFrames.deliver(StreamFrames.APPROVAL_FINISHED, this.stream.listener);
			StreamFrames.deliver(StreamFrames.APPROVAL_FINISHED, this.stream.listener);
		}
		assertThat(this.received).extracting(DingTalkEvent::eventId)
			.as("deduplication is the sink's job")
			.containsExactly("evt-0001", "evt-0001");
	}

	@Test
	void opensOnStartAndStopsOnClose() {
		var consumer = new StreamEventConsumer(this.stream, this.received::add);
		assertThat(this.stream.starts).isZero();
		consumer.start();
		assertThat(this.stream.starts).isEqualTo(1);
		assertThatIllegalStateException().isThrownBy(consumer::start);
		consumer.close();
		consumer.close();
		assertThat(this.stream.stops).isEqualTo(1);
		consumer.start();
		assertThat(this.stream.starts).isEqualTo(2);
		consumer.close();
	}

	@Test
	void reportsAConnectionThatDidNotOpen() {
		this.stream.failStart = true;
		var consumer = new StreamEventConsumer(this.stream, this.received::add);
		assertThatThrownBy(consumer::start).isInstanceOf(TransientConnectorException.class)
			.hasFieldOrPropertyWithValue("code", "stream.open")
			.hasMessageNotContaining("hub-test-app-secret-0001");
		consumer.close();
		assertThat(this.stream.stops).as("nothing was open").isZero();
		this.stream.failStart = false;
		consumer.start();
		assertThat(this.stream.starts).isEqualTo(2);
		consumer.close();
	}

	@Test
	void buildsTheSdkClientWithoutConnecting() {
		var consumer = new StreamEventConsumer("dinghubtestappkey01", "hub-test-app-secret-0001", this.received::add);
		consumer.close();
		assertThat(this.received).isEmpty();
	}

	@Test
	void refusesMissingCredentials() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StreamEventConsumer(" ", "hub-test-app-secret-0001", this.received::add))
			.withMessageContaining("jingling.dingtalk.app-key");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StreamEventConsumer("dinghubtestappkey01", null, this.received::add))
			.withMessageContaining("jingling.dingtalk.app-secret");
	}

	private List<String> messages() {
		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : this.logs.list) {
			lines.add(event.getFormattedMessage());
		}
		return lines;
	}

	// Stands in for the SDK's client: keeps the listener it was built with.
	private static final class FakeStream implements Function<GenericEventListener, OpenDingTalkClient> {

		private GenericEventListener listener;

		private int starts;

		private int stops;

		private boolean failStart;

		@Override
		public OpenDingTalkClient apply(GenericEventListener listener) {
			this.listener = listener;
			return new OpenDingTalkClient() {

				@Override
				public void start() throws Exception {
					FakeStream.this.starts++;
					if (FakeStream.this.failStart) {
						throw new IllegalStateException("gateway/connections/open refused");
					}
				}

				@Override
				public void stop() {
					FakeStream.this.stops++;
				}

			};
		}

	}

}
