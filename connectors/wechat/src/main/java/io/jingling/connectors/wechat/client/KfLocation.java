package io.jingling.connectors.wechat.client;

/** A location an informant shared through 微信客服. */
public record KfLocation(double latitude, double longitude, String name, String address) {

	@Override
	public String toString() { // where an informant is can identify them
		return "KfLocation[(hidden)]";
	}

}
