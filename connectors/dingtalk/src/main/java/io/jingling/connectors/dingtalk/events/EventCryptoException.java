package io.jingling.connectors.dingtalk.events;

/**
 * An event callback that must not be let in, with the {@link Reason}. The message names
 * the check that failed, never the content.
 */
public final class EventCryptoException extends RuntimeException {

	private final Reason reason;

	public EventCryptoException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public EventCryptoException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/** Which check refused the callback. */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why a callback was refused; {@link EventCrypto#decrypt} says in which order it
	 * checks.
	 */
	public enum Reason {

		/**
		 * {@code msg_signature} is missing or does not match: forged, or signed with
		 * another token.
		 */
		SIGNATURE,
		/** {@code encrypt} is not Base64. */
		BASE64,
		/**
		 * The ciphertext is empty or not whole 32-byte blocks (truncated), or the
		 * decrypted length field points past the end.
		 */
		LENGTH,
		/**
		 * The decrypted padding is not 1 to 32 equal bytes: tampered, or encrypted with
		 * another key.
		 */
		PADDING,
		/** Decrypted, but meant for another app or corp (the trailing owner key). */
		OWNER_KEY

	}

}
