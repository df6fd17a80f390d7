package io.jingling.connectors.wechat.callback;

import org.junit.jupiter.api.Test;

import io.jingling.connectors.wechat.callback.CallbackRejectedException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeComEventParserTest {

	@Test
	void readsAKfMsgOrEvent() {
		WeComEvent event = WeComEventParser.parse("""
				<xml><ToUserName><![CDATA[ww00jingling000001]]></ToUserName><CreateTime>1764471600</CreateTime>
				<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event>
				<Token><![CDATA[ENCtoken0001]]></Token><OpenKfId><![CDATA[wkJinglingKf0001]]></OpenKfId></xml>
				""");

		assertThat(event.msgType()).isEqualTo("event");
		assertThat(event.event()).isEqualTo("kf_msg_or_event");
		assertThat(event.kfToken()).isEqualTo("ENCtoken0001");
		assertThat(event.openKfId()).isEqualTo("wkJinglingKf0001");
		assertThat(event.createTime()).isEqualTo(1764471600L);
		assertThat(event.fromUser()).isNull();
		assertThat(event.dedupeKey()).startsWith("evt::1764471600:kf_msg_or_event:::")
			.doesNotContain("ENCtoken0001")
			.hasSize("evt::1764471600:kf_msg_or_event:::".length() + 16);
	}

	@Test
	void tellsKfCallbacksOfOneSecondApartByTheirToken() {
		WeComEvent first = kfEvent("ENCtoken0001");

		assertThat(kfEvent("ENCtoken0001").dedupeKey()).isEqualTo(first.dedupeKey());
		assertThat(kfEvent("ENCtoken0002").dedupeKey()).isNotEqualTo(first.dedupeKey());
	}

	@Test
	void readsAChangeExternalChat() {
		WeComEvent event = WeComEventParser
			.parse("""
					<xml><ToUserName><![CDATA[ww00jingling000001]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>
					<CreateTime>1764461000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event>
					<ChatId><![CDATA[wrJL00TaxiChengdong0000001]]></ChatId><ChangeType><![CDATA[update]]></ChangeType>
					<UpdateDetail><![CDATA[add_member]]></UpdateDetail><JoinScene>3</JoinScene><MemChangeCnt>1</MemChangeCnt></xml>
					""");

		assertThat(event.chatId()).isEqualTo("wrJL00TaxiChengdong0000001");
		assertThat(event.changeType()).isEqualTo("update");
		assertThat(event.updateDetail()).isEqualTo("add_member");
		assertThat(event.memberChange()).isEqualTo(1);
		assertThat(event.dedupeKey())
			.isEqualTo("evt:sys:1764461000:change_external_chat:update:wrJL00TaxiChengdong0000001:add_member:1");
	}

	@Test
	void readsANewExternalContactWithItsState() {
		WeComEvent event = WeComEventParser
			.parse("""
					<xml><ToUserName><![CDATA[ww00jingling000001]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>
					<CreateTime>1764461500</CreateTime><MsgType><![CDATA[event]]></MsgType>
					<Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType>
					<UserID><![CDATA[liaison_taxi_01]]></UserID><ExternalUserID><![CDATA[wmJL00Informant0000000001]]></ExternalUserID>
					<State><![CDATA[transport-chengdong]]></State><WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode></xml>
					""");

		assertThat(event.userId()).isEqualTo("liaison_taxi_01");
		assertThat(event.externalUserId()).isEqualTo("wmJL00Informant0000000001");
		assertThat(event.state()).isEqualTo("transport-chengdong");
	}

	@Test
	void dedupesMessagesByMsgId() {
		WeComEvent event = WeComEventParser
			.parse("""
					<xml><ToUserName><![CDATA[ww00jingling000001]]></ToUserName><FromUserName><![CDATA[police001]]></FromUserName>
					<CreateTime>1764471900</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[收到]]></Content>
					<MsgId>24870000000000001</MsgId><AgentID>1000002</AgentID></xml>
					""");

		assertThat(event.dedupeKey()).isEqualTo("msg:24870000000000001");
	}

	@Test
	void tellsApartTwoContactsAddedInTheSameSecondWithoutPuttingTheirIdsInTheKey() {
		WeComEvent first = new WeComEvent("event", "change_external_contact", "add_external_contact", null, null, null,
				null, "liaison_taxi_01", "wmJL00Informant0000000001", "transport-chengdong", null, "sys", 1764461500L);
		WeComEvent second = new WeComEvent("event", "change_external_contact", "add_external_contact", null, null, null,
				null, "liaison_taxi_01", "wmJL00Informant0000000002", "transport-chengdong", null, "sys", 1764461500L);

		assertThat(first.dedupeKey()).isNotEqualTo(second.dedupeKey())
			.doesNotContain("wmJL00Informant0000000001")
			.isEqualTo(new WeComEvent("event", "change_external_contact", "add_external_contact", null, null, null,
					null, "liaison_taxi_01", "wmJL00Informant0000000001", "transport-chengdong", null, "sys",
					1764461500L)
				.dedupeKey());
	}

	@Test
	void keepsTheInformantAndTheSyncTokenOutOfToString() {
		WeComEvent event = new WeComEvent("event", "change_external_contact", "add_external_contact", null, null,
				"ENCtoken0001", null, "liaison_taxi_01", "wmJL00Informant0000000001", "transport-chengdong", null,
				"sys", 1764461500L);

		assertThat(event.toString()).doesNotContain("wmJL00Informant0000000001")
			.doesNotContain("ENCtoken0001")
			.contains("liaison_taxi_01");
	}

	@Test
	void refusesWhatIsNotACallbackDocument() {
		assertMalformed("<xml><CreateTime>1764471600</CreateTime></xml>");
		assertMalformed("<xml><MsgType>event</MsgType><CreateTime>soon</CreateTime></xml>");
		assertMalformed("<html><MsgType>event</MsgType><CreateTime>1</CreateTime></html>");
		assertMalformed("<xml><MsgType>event</MsgType>");
		assertMalformed("");
	}

	@Test
	void refusesEntityExpansion() {
		assertMalformed("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
				+ "<xml><MsgType>&b;</MsgType><CreateTime>1</CreateTime></xml>");
		assertMalformed("<?xml version=\"1.0\"?><!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\">"
				+ "<xml><MsgType>event</MsgType><CreateTime>1</CreateTime></xml>");
	}

	private static WeComEvent kfEvent(String token) {
		return WeComEventParser.parse("<xml><ToUserName><![CDATA[ww00jingling000001]]></ToUserName>"
				+ "<CreateTime>1764471600</CreateTime><MsgType><![CDATA[event]]></MsgType>"
				+ "<Event><![CDATA[kf_msg_or_event]]></Event><Token><![CDATA[" + token + "]]></Token>"
				+ "<OpenKfId><![CDATA[wkJinglingKf0001]]></OpenKfId></xml>");
	}

	private static void assertMalformed(String xml) {
		assertThatThrownBy(() -> WeComEventParser.parse(xml)).isInstanceOf(CallbackRejectedException.class)
			.extracting((ex) -> ((CallbackRejectedException) ex).reason())
			.isEqualTo(Reason.MALFORMED);
	}

}
