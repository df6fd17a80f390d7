package io.jingling.connectors.wechat.client;

import java.time.Instant;

import me.chanjar.weixin.cp.bean.kf.WxCpKfMsgListResp.WxCpKfMsgItem;
import me.chanjar.weixin.cp.bean.kf.msg.WxCpKfEventMsg;
import me.chanjar.weixin.cp.bean.kf.msg.WxCpKfLocationMsg;
import me.chanjar.weixin.cp.bean.kf.msg.WxCpKfResourceMsg;

// Maps WxJava's sync_msg items to our KfMessage.
final class KfMessages {

	private KfMessages() {
	}

	static KfMessage toMessage(WxCpKfMsgItem item) {
		WxCpKfEventMsg event = item.getEvent();
		// events carry the customer inside the event object, not at the top level
		String externalUserId = (item.getExternalUserId() != null || event == null) ? item.getExternalUserId()
				: event.getExternalUserId();
		return new KfMessage(item.getMsgId(), externalUserId,
				(item.getSendTime() != null) ? Instant.ofEpochSecond(item.getSendTime()) : null,
				(item.getOrigin() != null) ? item.getOrigin() : 0, item.getMsgType(),
				(item.getText() != null) ? item.getText().getContent() : null, mediaId(item), location(item),
				(event != null) ? event.getEventType() : null, (event != null) ? event.getScene() : null,
				(event != null) ? event.getSceneParam() : null);
	}

	private static String mediaId(WxCpKfMsgItem item) {
		for (WxCpKfResourceMsg resource : new WxCpKfResourceMsg[] { item.getImage(), item.getVoice(), item.getVideo(),
				item.getFile() }) {
			if (resource != null) {
				return resource.getMediaId();
			}
		}
		return null;
	}

	private static KfLocation location(WxCpKfMsgItem item) {
		WxCpKfLocationMsg location = item.getLocation();
		if (location == null) {
			return null;
		}
		return new KfLocation(decimal(location.getLatitude()), decimal(location.getLongitude()), location.getName(),
				location.getAddress());
	}

	// WxJava reads coordinates as float; widening 23.1291f gives 23.12909889..., so go
	// through the float's shortest decimal form to get back the value WeCom sent.
	private static double decimal(Float value) {
		return (value != null) ? Double.parseDouble(Float.toString(value)) : 0;
	}

}
