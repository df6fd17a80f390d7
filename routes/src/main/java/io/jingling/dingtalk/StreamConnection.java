package io.jingling.dingtalk;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.jingling.connectors.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Keeps trying to open the Stream connection: the hub starts whether or not DingTalk is
 * reachable, and a connection that cannot be opened is tried again every
 * {@link #RETRY_EVERY} until it opens.
 */
class StreamConnection implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StreamConnection.class);

	static final Duration RETRY_EVERY = Duration.ofMinutes(1);

	private final Runnable open;

	private final Runnable close;

	private final Duration retryEvery;

	private ScheduledExecutorService retries;

	private volatile boolean opened;

	StreamConnection(Runnable open, Runnable close, Duration retryEvery) {
		this.open = open;
		this.close = close;
		this.retryEvery = retryEvery;
	}

	@Override
	public synchronized void start() {
		this.retries = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "dingtalk-stream-open");
			thread.setDaemon(true);
			return thread;
		});
		this.retries.execute(this::tryOpen);
	}

	private void tryOpen() {
		try {
			this.open.run();
			this.opened = true;
			log.info("dingtalk.stream connected");
		}
		catch (ConnectorException | IllegalStateException ex) {
			log.warn("dingtalk.stream not connected ({}): trying again in {}", ex.getClass().getSimpleName(),
					this.retryEvery);
			this.retries.schedule(this::tryOpen, this.retryEvery.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/** Whether the connection has been opened. */
	boolean opened() {
		return this.opened;
	}

	@Override
	public synchronized void stop() {
		if (this.retries != null) {
			this.retries.shutdownNow();
		}
		if (this.opened) {
			this.close.run();
			this.opened = false;
		}
	}

	@Override
	public boolean isRunning() {
		return this.retries != null && !this.retries.isShutdown();
	}

}
