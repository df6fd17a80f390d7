package io.jingling.bots;

import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Everything logged under {@code io.jingling} while it is open, as the text a log file
 * would hold.
 */
public final class CapturedLogs implements AutoCloseable {

	private final Logger logger = (Logger) LoggerFactory.getLogger("io.jingling");

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	public CapturedLogs() {
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	public String text() {
		List<ILoggingEvent> events = List.copyOf(this.appender.list);
		return events.stream()
			.map((event) -> event.getLevel() + " " + event.getFormattedMessage() + stackTrace(event))
			.collect(Collectors.joining("\n"));
	}

	private static String stackTrace(ILoggingEvent event) {
		return (event.getThrowableProxy() != null) ? "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()) : "";
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
	}

}
