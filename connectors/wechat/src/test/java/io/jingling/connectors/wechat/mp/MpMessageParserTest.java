package io.jingling.connectors.wechat.mp;

import org.junit.jupiter.api.Test;

import io.jingling.connectors.wechat.callback.CallbackRejectedException;
import io.jingling.connectors.wechat.callback.CallbackRejectedException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MpMessageParserTest {

	private static final String FOLLOWER = "oJingling_Informant_0001";

	@Test
	void readsTheGoldenTextMessage() {
		// the reference's section 12.7 text message, line breaks included
		MpMessage message = MpMessageParser
			.parse("""
					<xml><ToUserName><![CDATA[gh_00jingling01]]></ToUserName><FromUserName><![CDATA[oJingling_Informant_0001]]></FromUserName>
					<CreateTime>1764471900</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[XC-007 城东加油站 白色面包车]]></Content>
					<MsgId>24870000000000001</MsgId></xml>
					""");

		assertThat(message).isEqualTo(new MpMessage("24870000000000001", FOLLOWER, 1764471900L, "text",
				"XC-007 城东加油站 白色面包车", null, null, null, null, null));
		assertThat(message.dedupeKey()).isEqualTo("msg:24870000000000001");
		assertThat(message.toString()).contains("msgId=24870000000000001", "contentLength=18")
			.doesNotContain(FOLLOWER, "城东加油站");
	}

	@Test
	void readsALocationAndKeepsItOutOfToString() {
		MpMessage message = MpMessageParser
			.parse("""
					<xml><ToUserName><![CDATA[gh_00jingling01]]></ToUserName><FromUserName><![CDATA[oJingling_Informant_0001]]></FromUserName>
					<CreateTime>1764471960</CreateTime><MsgType><![CDATA[location]]></MsgType><Location_X>23.134521</Location_X>
					<Location_Y>113.358803</Location_Y><Scale>15</Scale><Label><![CDATA[城东加油站]]></Label><MsgId>24870000000000002</MsgId></xml>
					""");

		assertThat(message.msgType()).isEqualTo("location");
		assertThat(message.latitude()).isEqualTo(23.134521);
		assertThat(message.longitude()).isEqualTo(113.358803);
		assertThat(message.label()).isEqualTo("城东加油站");
		assertThat(message.toString()).contains("location=(hidden)").doesNotContain("23.13", "113.35", "城东加油站");
	}

	@Test
	void readsAnImage() {
		MpMessage message = MpMessageParser
			.parse("""
					<xml><ToUserName><![CDATA[gh_00jingling01]]></ToUserName><FromUserName><![CDATA[oJingling_Informant_0001]]></FromUserName>
					<CreateTime>1764471990</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://mmbiz.qpic.cn/x]]></PicUrl>
					<MediaId><![CDATA[media_JL00000001]]></MediaId><MsgId>24870000000000003</MsgId></xml>
					""");

		assertThat(message.mediaId()).isEqualTo("media_JL00000001");
		assertThat(message.content()).isNull();
	}

	@Test
	void keysEventsByFollowerTimeAndEvent() {
		MpMessage subscribe = MpMessageParser
			.parse("""
					<xml><ToUserName><![CDATA[gh_00jingling01]]></ToUserName><FromUserName><![CDATA[oJingling_Informant_0001]]></FromUserName>
					<CreateTime>1764471800</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>
					""");

		assertThat(subscribe.msgId()).isNull();
		assertThat(subscribe.event()).isEqualTo("subscribe");
		assertThat(subscribe.dedupeKey()).isEqualTo("evt:oJingling_Informant_0001:1764471800:subscribe");
	}

	@Test
	void doesNotTakeAMassJobIdForAMessageId() {
		// the job-finished event of section 12.7 carries MsgID (capital D), the job's id
		MpMessage finished = MpMessageParser
			.parse("""
					<xml><ToUserName><![CDATA[gh_00jingling01]]></ToUserName><FromUserName><![CDATA[oSystem]]></FromUserName>
					<CreateTime>1764472000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[MASSSENDJOBFINISH]]></Event>
					<MsgID>1000000046</MsgID><Status><![CDATA[send success]]></Status><TotalCount>812</TotalCount>
					<FilterCount>806</FilterCount><SentCount>806</SentCount><ErrorCount>0</ErrorCount></xml>
					""");

		assertThat(finished.dedupeKey()).isEqualTo("evt:oSystem:1764472000:MASSSENDJOBFINISH");
	}

	@Test
	void refusesWhatIsNotAnOfficialAccountMessage() {
		assertMalformed("<xml><FromUserName>o1</FromUserName><CreateTime>1</CreateTime></xml>");
		assertMalformed("<xml><MsgType>text</MsgType><CreateTime>1</CreateTime></xml>");
		assertMalformed(
				"<xml><FromUserName>o1</FromUserName><MsgType>text</MsgType><CreateTime>now</CreateTime></xml>");
		assertMalformed("<xml><FromUserName>o1</FromUserName><MsgType>location</MsgType><CreateTime>1</CreateTime>"
				+ "<Location_X>north</Location_X><Location_Y>113.3</Location_Y></xml>");
		assertMalformed("<xml><FromUserName>o1</FromUserName><MsgType>location</MsgType><CreateTime>1</CreateTime>"
				+ "<Location_X>NaN</Location_X><Location_Y>113.3</Location_Y></xml>");
		assertMalformed(
				"<message><FromUserName>o1</FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime></message>");
		assertMalformed("");
	}

	@Test
	void refusesADoctypeSoNoEntityIsExpanded() {
		assertMalformed("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e \"boom\">]>"
				+ "<xml><FromUserName>o1</FromUserName><MsgType>text</MsgType><CreateTime>1</CreateTime>"
				+ "<Content>&e;</Content></xml>");
	}

	private static void assertMalformed(String xml) {
		assertThatThrownBy(() -> MpMessageParser.parse(xml)).isInstanceOf(CallbackRejectedException.class)
			.extracting((ex) -> ((CallbackRejectedException) ex).reason())
			.isEqualTo(Reason.MALFORMED);
	}

}
