package io.jingling.inbound;

/**
 * An inbound request refused before anything changed; carries the HTTP status to answer
 * with.
 */
public class CallbackRefusedException extends RuntimeException {

	private final int status;

	private final String reason;

	CallbackRefusedException(int status, String reason) {
		super("callback refused: " + reason);
		this.status = status;
		this.reason = reason;
	}

	int status() {
		return status;
	}

	public String reason() {
		return reason;
	}

}
