package io.jingling.inbound;

/**
 * Refusals other packages' callback routes raise; answered by the shared callback error
 * handling.
 */
public final class CallbackRefusal {

	private CallbackRefusal() {
	}

	/**
	 * An exception the {@code jingling-callbacks} route configuration answers with
	 * {@code status}.
	 */
	public static RuntimeException of(int status, String reason) {
		return new CallbackRefusedException(status, reason);
	}

}
