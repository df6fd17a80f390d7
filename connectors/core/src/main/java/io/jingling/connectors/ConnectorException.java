package io.jingling.connectors;

/**
 * A platform call that did not succeed. Subclasses say whether a retry may help; the
 * message is one sentence naming the operation and the vendor code, never a secret or a
 * message body.
 */
public abstract class ConnectorException extends RuntimeException {

	private final String platform;

	private final String code;

	protected ConnectorException(String platform, String code, String message, Throwable cause) {
		super(message, cause);
		this.platform = platform;
		this.code = code;
	}

	/** The platform that answered, for example {@code dingtalk}. */
	public String platform() {
		return this.platform;
	}

	/**
	 * The vendor's error code, or a code of ours such as {@code io} when the platform
	 * never answered.
	 */
	public String code() {
		return this.code;
	}

}
