package io.jingling.connectors;

import java.time.Duration;

/**
 * The platform refused because we sent too fast. Retrying helps, but not before
 * {@link #backoff()}: a throttled robot stays blocked for minutes, and retrying early
 * only extends the block.
 */
public final class ThrottledConnectorException extends TransientConnectorException {

	private final Duration backoff;

	public ThrottledConnectorException(String platform, String code, String message, Duration backoff) {
		super(platform, code, message);
		this.backoff = backoff;
	}

	public ThrottledConnectorException(String platform, String code, String message, Duration backoff,
			Throwable cause) {
		super(platform, code, message, cause);
		this.backoff = backoff;
	}

	/** How long to wait before the next attempt. */
	public Duration backoff() {
		return this.backoff;
	}

}
