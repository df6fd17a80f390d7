package io.jingling.connectors.wechat;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The calls a {@code wecom:} endpoint makes, by their URI name. */
public enum WeComOperation {

	/**
	 * Body {@link io.jingling.connectors.wechat.client.GroupTaskRequest}: a
	 * customer-group message task for one owner; out: a
	 * {@link io.jingling.connectors.wechat.client.GroupTask}.
	 */
	CREATE_GROUP_TASK("create-group-task"),
	/** Body the task's msgid: remind its owner to confirm it. */
	REMIND("remind"),
	/** Body the task's msgid: stop its unsent part. */
	CANCEL("cancel"),
	/**
	 * Body {@link io.jingling.connectors.wechat.client.KfText}: a 微信客服 text reply; out:
	 * WeCom's msgid.
	 */
	SEND_KF_TEXT("send-kf-text");

	private final String uriName;

	WeComOperation(String uriName) {
		this.uriName = uriName;
	}

	/** The name used in {@code wecom:<operation>}. */
	public String uriName() {
		return this.uriName;
	}

	/** The operation named {@code uriName}. */
	public static WeComOperation fromUri(String uriName) {
		return Arrays.stream(values())
			.filter((operation) -> operation.uriName.equals(uriName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown WeCom operation '" + uriName + "': use one of "
					+ Arrays.stream(values()).map(WeComOperation::uriName).collect(Collectors.joining(", "))));
	}

}
