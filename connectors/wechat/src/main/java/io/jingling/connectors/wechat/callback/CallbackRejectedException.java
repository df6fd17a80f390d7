package io.jingling.connectors.wechat.callback;

/**
 * A WeCom or Official Account callback that must not be let in, with the {@link Reason}.
 * The message names the check that failed, never the content.
 */
public final class CallbackRejectedException extends RuntimeException {

	private final Reason reason;

	public CallbackRejectedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public CallbackRejectedException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	/** Which check refused the callback. */
	public Reason reason() {
		return this.reason;
	}

	/** Why a callback was refused, in the order the checks run. */
	public enum Reason {

		/** A query parameter or the {@code Encrypt} element is missing or unreadable. */
		MALFORMED,
		/** The timestamp is outside the accepted window of our clock. */
		STALE,
		/**
		 * {@code msg_signature} (the Official Account's {@code signature} in plain mode)
		 * does not match: forged, or signed with another token.
		 */
		BAD_SIGNATURE,
		/**
		 * The ciphertext does not decrypt with our key (Base64, length or padding), or an
		 * Official Account callback is plain where safe mode is configured, or the
		 * reverse.
		 */
		BAD_ENCRYPTION,
		/** Decrypted, but meant for another corp or Official Account. */
		WRONG_RECEIVER

	}

}
