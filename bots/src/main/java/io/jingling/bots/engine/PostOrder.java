package io.jingling.bots.engine;

import java.util.Objects;

/**
 * Posts an order (警令): the hub assigns its code, sends it to the target and tracks who
 * has read it.
 *
 * @param content the order's text as the dispatcher wrote it
 * @param postedBy the dispatcher's userId
 */
public record PostOrder(OrderTarget target, String content, String postedBy) implements Action {

	public PostOrder {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(content, "content");
		Objects.requireNonNull(postedBy, "postedBy");
	}

	@Override
	public String toString() {
		return "PostOrder[target=" + this.target + ", contentLength=" + this.content.length() + ", postedBy="
				+ this.postedBy + "]";
	}

}
