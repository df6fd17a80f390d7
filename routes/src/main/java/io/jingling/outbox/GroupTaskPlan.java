package io.jingling.outbox;

import java.util.List;

/**
 * A broadcast as planned for one owner and circle; the text is built when it is sent,
 * because the KF link it carries is made (once per circle) by a platform call, but from
 * the template in force when it was planned.
 *
 * @param sender the owner's WeCom user id
 * @param chatIds the owner's groups in that circle
 * @param assistCode the assist request
 * @param content what the request asks
 * @param scene the KF link scene: the circle id
 * @param template the broadcast template it was planned under; {@code null} (a plan
 * stored before templates were versioned) takes the one in force
 */
public record GroupTaskPlan(String sender, List<String> chatIds, String assistCode, String content, String scene,
		String template) {

	/** A plan that takes the broadcast template in force when it is sent. */
	public GroupTaskPlan(String sender, List<String> chatIds, String assistCode, String content, String scene) {
		this(sender, chatIds, assistCode, content, scene, null);
	}

	@Override
	public String toString() {
		return "GroupTaskPlan[sender=" + this.sender + ", chats=" + this.chatIds.size() + ", assist=" + this.assistCode
				+ "]";
	}

}
