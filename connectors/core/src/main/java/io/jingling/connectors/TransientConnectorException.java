package io.jingling.connectors;

/**
 * A failure that a later retry may cure: the platform was busy, unreachable, or rejected
 * a stale token.
 */
public class TransientConnectorException extends ConnectorException {

	public TransientConnectorException(String platform, String code, String message) {
		super(platform, code, message, null);
	}

	public TransientConnectorException(String platform, String code, String message, Throwable cause) {
		super(platform, code, message, cause);
	}

}
