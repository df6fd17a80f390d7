package io.jingling.bots.engine;

import java.util.Objects;

/**
 * Posts an order (警令): the hub assigns its code, sends it to the target and tracks who
 * has read it.
 *
 * @param content the order's text as the dispatcher wrote it
 * @param postedBy the dispatcher's userId
 * @param policy the escalation policy for those who do not read it, e.g. {@code urgent};
 * empty for the configured default
 */
public record PostOrder(OrderTarget target, String content, String postedBy, String policy) implements Action {

	/** The escalation policy of orders marked {@code 紧急}. */
	public static final String URGENT = "urgent";

	public PostOrder {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(content, "content");
		Objects.requireNonNull(postedBy, "postedBy");
		policy = Objects.requireNonNullElse(policy, "");
	}

	/** An order that follows the default escalation policy. */
	public PostOrder(OrderTarget target, String content, String postedBy) {
		this(target, content, postedBy, "");
	}

	@Override
	public String toString() {
		return "PostOrder[target=" + this.target + ", contentLength=" + this.content.length() + ", postedBy="
				+ this.postedBy + ", policy=" + this.policy + "]";
	}

}
