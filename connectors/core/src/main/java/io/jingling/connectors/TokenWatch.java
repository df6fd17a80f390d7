package io.jingling.connectors;

/**
 * Told when a platform answers a token request with a refusal (wrong credentials, an
 * address it does not trust, a disabled app): every call that needs the token fails until
 * an admin acts. Not told when the platform cannot be reached at all; the failed call
 * itself says so. Called on the calling thread, before the failure is thrown to it.
 */
@FunctionalInterface
public interface TokenWatch {

	/** A watch that does nothing, for callers that need none. */
	TokenWatch NONE = (failure) -> {
	};

	/**
	 * @param failure the refusal, as the failed call will see it: platform, vendor code
	 * and a message without secrets
	 */
	void refused(ConnectorException failure);

}
