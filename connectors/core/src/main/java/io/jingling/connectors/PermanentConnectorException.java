package io.jingling.connectors;

/**
 * A failure that no retry will cure: bad request, wrong configuration, robot removed from
 * the group.
 */
public class PermanentConnectorException extends ConnectorException {

	public PermanentConnectorException(String platform, String code, String message) {
		super(platform, code, message, null);
	}

	public PermanentConnectorException(String platform, String code, String message, Throwable cause) {
		super(platform, code, message, cause);
	}

}
