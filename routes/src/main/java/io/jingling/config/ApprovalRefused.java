package io.jingling.config;

/**
 * An approval that cannot be given: the version is not waiting for one, or the approver
 * proposed it.
 */
public class ApprovalRefused extends RuntimeException {

	public ApprovalRefused(String message) {
		super(message);
	}

}
