package io.jingling.connectors.dingtalk;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The calls a {@code dingtalk:} endpoint makes, by their URI name. */
public enum DingTalkOperation {

	/**
	 * Body {@link io.jingling.connectors.dingtalk.client.GroupMessage}: robot message to
	 * a group.
	 */
	SEND_GROUP("send-group"),
	/**
	 * Body {@link io.jingling.connectors.dingtalk.client.UserMessage}: robot one-to-one
	 * messages.
	 */
	SEND_USERS("send-users"),
	/**
	 * Body {@link io.jingling.connectors.dingtalk.client.Ding}: robot DING in the app, by
	 * SMS or by phone.
	 */
	DING("ding"),
	/**
	 * Body {@link io.jingling.connectors.dingtalk.client.SessionReply}: reply through a
	 * session webhook.
	 */
	REPLY("reply"),
	/**
	 * Body {@link io.jingling.connectors.dingtalk.client.WorkNotice}: a work notification
	 * from the app.
	 */
	SEND_WORK_NOTICE("send-work-notice"),
	/**
	 * Body {@link io.jingling.connectors.dingtalk.client.Recall}: take back a group
	 * message, one-to-one messages or a work notification.
	 */
	RECALL("recall");

	private final String uriName;

	DingTalkOperation(String uriName) {
		this.uriName = uriName;
	}

	/** The name used in {@code dingtalk:<operation>}. */
	public String uriName() {
		return this.uriName;
	}

	/** The operation named {@code uriName}. */
	public static DingTalkOperation fromUri(String uriName) {
		return Arrays.stream(values())
			.filter((operation) -> operation.uriName.equals(uriName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown DingTalk operation '" + uriName + "': use one of "
					+ Arrays.stream(values()).map(DingTalkOperation::uriName).collect(Collectors.joining(", "))));
	}

}
