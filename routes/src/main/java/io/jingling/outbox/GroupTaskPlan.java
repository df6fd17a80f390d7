package io.jingling.outbox;

import java.util.List;

/**
 * A broadcast as planned for one owner and circle; the text is built when it is sent,
 * because the KF link it carries is made (once per circle) by a platform call.
 *
 * @param sender the owner's WeCom user id
 * @param chatIds the owner's groups in that circle
 * @param assistCode the assist request
 * @param content what the request asks
 * @param scene the KF link scene: the circle id
 */
public record GroupTaskPlan(String sender, List<String> chatIds, String assistCode, String content, String scene) {

	@Override
	public String toString() {
		return "GroupTaskPlan[sender=" + this.sender + ", chats=" + this.chatIds.size() + ", assist=" + this.assistCode
				+ "]";
	}

}
