package io.jingling.wecom;

import io.jingling.connectors.wechat.callback.CallbackRejectedException;
import io.jingling.inbound.CallbackRefusal;

/**
 * How the hub answers a WeChat callback (WeCom or Official Account) its crypto rejected:
 * 401 for anything that fails authentication, 400 for what cannot be read.
 */
public final class WeChatRefusals {

	private WeChatRefusals() {
	}

	public static RuntimeException of(CallbackRejectedException ex) {
		return switch (ex.reason()) {
			case BAD_SIGNATURE -> CallbackRefusal.of(401, "bad-signature");
			case STALE -> CallbackRefusal.of(401, "stale-timestamp");
			case WRONG_RECEIVER -> CallbackRefusal.of(401, "wrong-receiver");
			case BAD_ENCRYPTION -> CallbackRefusal.of(400, "bad-encryption");
			case MALFORMED -> CallbackRefusal.of(400, "malformed");
		};
	}

}
