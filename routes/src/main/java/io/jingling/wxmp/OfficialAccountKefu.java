package io.jingling.wxmp;

import io.jingling.connectors.wechat.mp.MpClient;

/**
 * What the outbox calls ({@code bean:officialAccountKefu?method=send}) to answer a
 * follower.
 */
public class OfficialAccountKefu {

	private final MpClient client;

	OfficialAccountKefu(MpClient client) {
		this.client = client;
	}

	public String send(MpText text) {
		return this.client.sendKefuText(text.openId(), text.text());
	}

}
