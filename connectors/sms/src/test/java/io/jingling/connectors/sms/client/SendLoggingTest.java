package io.jingling.connectors.sms.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.jingling.connectors.ConnectorException;
import io.jingling.connectors.sms.sim.AliyunSmsSimulator;
import io.jingling.connectors.sms.sim.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendLoggingTest {

	// an 11-digit mobile number not part of a longer digit run (BizIds are 18 digits)
	private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1\\d{10}(?!\\d)");

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private AliyunSmsSimulator sim;

	@BeforeEach
	void capture() {
		this.appender.start();
		this.root.addAppender(this.appender);
		this.sim = AliyunSmsSimulator.start(SdkSmsClientTest.ACCESS_KEY_ID, SdkSmsClientTest.ACCESS_KEY_SECRET,
				new TestClock(Instant.now()));
		this.sim.approveSignName(SdkSmsClientTest.SIGN);
		this.sim.approveTemplate(SdkSmsClientTest.ASSIST, List.of("code"));
	}

	@AfterEach
	void release() {
		this.sim.close();
		this.root.detachAppender(this.appender);
	}

	@Test
	void logsSendsWithoutANumberOrTheText() {
		SdkSmsClient client = new SdkSmsClient(SdkSmsClientTest.settings(this.sim.baseUrl(),
				SdkSmsClientTest.ACCESS_KEY_SECRET, SdkSmsClientTest.SIGN), SdkSmsClientTest.TEMPLATES);
		SmsMessage message = new SmsMessage(List.of("13800138000", "+8613900139000"), SdkSmsClientTest.ASSIST,
				Map.of("code", "东门旅馆303"), "ob-000123");

		SmsSent sent = client.send(message);
		client.sendBatch(new SmsBatchMessage(List.of("13700137000"), SdkSmsClientTest.ASSIST,
				List.of(Map.of("code", "东门旅馆303")), "ob-000124"));
		client.details("13800138000", LocalDate.now(ZoneId.of("Asia/Shanghai")), sent.bizId());
		this.sim.failNext("isv.MOBILE_NUMBER_ILLEGAL", 1);
		assertThatThrownBy(() -> client.send(message)).isInstanceOf(ConnectorException.class)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContainPattern(MOBILE));
		this.sim.failNext("SignatureDoesNotMatch", 1);
		assertThatThrownBy(() -> client.send(message)).isInstanceOf(ConnectorException.class);

		List<String> lines = this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		assertThat(lines)
			.contains("sms.send outId=ob-000123 numbers=2 bizId=" + sent.bizId() + " requestId=" + sent.requestId());
		assertThat(lines).hasSizeGreaterThanOrEqualTo(4)
			.allSatisfy((line) -> assertThat(line).doesNotContainPattern(MOBILE).doesNotContain("东门旅馆"));
	}

}
