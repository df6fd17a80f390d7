package io.jingling.connectors.dingtalk.events;

import java.time.Instant;

import com.dingtalk.open.app.api.message.GenericOpenDingTalkEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DingTalkEventsTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Instant BORN = Instant.ofEpochMilli(1_700_000_000_000L);

	// Reference §10, HTTP event payloads after decryption.
	private static final String CHECK_IN = """
			{"EventType":"check_in","EventTime":1700000000000,"CorpId":"dingcorphub0001","BizId":"biz-0003",\
			"eventId":"evt-0003","staffId":"officer003","timeStamp":1700000000000}""";

	private static final String ATTENDANCE = """
			{"EventType":"attendance_check_record","EventTime":1700000000000,"CorpId":"dingcorphub0001",\
			"BizId":"biz-0001","eventId":"evt-0002","dataList":[{"userId":"officer002","checkTime":1700000000000,\
			"corpId":"dingcorphub0001","groupId":"grp-duty-01","bizId":"chk-0001","address":"城东派出所",\
			"latitude":30.0001,"longitude":120.0001,"locationResult":"Normal","locationMethod":"MAP",\
			"checkByUser":true}]}""";

	private static final String ROBOT_MSG_READ = """
			{"EventType":"robot_msg_read","EventTime":1700000060000,"CorpId":"dingcorphub0001","BizId":"biz-0005",\
			"eventId":"evt-0005","UserId":"officer004","UnionId":"u-004","OperatTime":"1700000060000",\
			"ProcessQueryKey":"pqk-group-20261130-0001","RobotCode":"dinghubtestappkey01",\
			"OpenConversationId":"cidCmdGroup0001=="}""";

	// The approval of StreamFrames.APPROVAL_FINISHED as DingTalk would push it over HTTP.
	private static final String APPROVAL_FINISHED_HTTP = """
			{"EventType":"bpms_instance_change","EventTime":1700000000000,"CorpId":"dingcorphub0001",\
			"BizId":"biz-0001","eventId":"evt-0001","processInstanceId":"pi-0001",\
			"processCode":"PROC-XC-APPROVAL","type":"finish","result":"agree","staffId":"officer001",\
			"title":"协查发布审批 XC-20261130-007"}""";

	@Test
	void mapsTheHttpEnvelopeAndKeepsTheEventsOwnFields() throws Exception {
		DingTalkEvent event = DingTalkEvents.fromHttp(CHECK_IN);
		assertThat(event).isEqualTo(new DingTalkEvent("evt-0003", "check_in", "dingcorphub0001", BORN, "biz-0003",
				JSON.readTree("{\"staffId\":\"officer003\",\"timeStamp\":1700000000000}")));
	}

	@Test
	void keepsNestedListsAsTheyCome() {
		DingTalkEvent event = DingTalkEvents.fromHttp(ATTENDANCE);
		assertThat(event.eventType()).isEqualTo("attendance_check_record");
		JsonNode punch = event.data().get("dataList").get(0);
		assertThat(DingTalkEvents.text(punch, "userId", "UserId")).isEqualTo("officer002");
		assertThat(DingTalkEvents.number(punch, "checkTime")).isEqualTo(1_700_000_000_000L);
		assertThat(punch.get("latitude").asDouble()).isEqualTo(30.0001);
		assertThat(event.data().fieldNames()).toIterable().containsExactly("dataList");
	}

	@Test
	void keepsKeysAsDingTalkSpellsThemAndReadsEitherSpelling() {
		DingTalkEvent event = DingTalkEvents.fromHttp(ROBOT_MSG_READ);
		assertThat(event.data().has("UserId")).isTrue();
		assertThat(event.data().has("userId")).isFalse();
		assertThat(DingTalkEvents.text(event.data(), "userId", "UserId")).isEqualTo("officer004");
		assertThat(DingTalkEvents.number(event.data(), "operatTime", "OperatTime")).isEqualTo(1_700_000_060_000L);
		assertThat(event.bornAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_060_000L));
	}

	@Test
	void acceptsCamelCaseEnvelopeAndTimeAsString() {
		DingTalkEvent event = DingTalkEvents
			.fromHttp("{\"eventType\":\"check_in\",\"eventBornTime\":\"1700000000000\",\"eventId\":\"evt-9\"}");
		assertThat(event.eventType()).isEqualTo("check_in");
		assertThat(event.bornAt()).isEqualTo(BORN);
		assertThat(event.eventId()).isEqualTo("evt-9");
		assertThat(event.corpId()).isNull();
		assertThat(event.data().isEmpty()).isTrue();
	}

	@Test
	void fallsBackToBizIdThenToTypeAndTime() {
		assertThat(DingTalkEvents
			.fromHttp("{\"EventType\":\"check_in\",\"EventTime\":1700000000000,\"BizId\":\"biz-0003\"}")
			.eventId()).isEqualTo("biz-0003");
		assertThat(DingTalkEvents.fromHttp("{\"EventType\":\"check_in\",\"EventTime\":1700000000000,\"eventId\":\"\"}")
			.eventId()).isEqualTo("check_in@1700000000000");
		DingTalkEvent check = DingTalkEvents.fromHttp("{\"EventType\":\"check_url\"}");
		assertThat(check.eventId()).isEqualTo("check_url");
		assertThat(check.bornAt()).isNull();
		assertThat(check.bizId()).isNull();
	}

	@Test
	void refusesWhatIsNotAnEvent() {
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkEvents.fromHttp("{\"UserId\":\"officer004\""))
			.withMessageNotContaining("officer004");
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkEvents.fromHttp("[\"officer004\"]"));
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkEvents.fromHttp(""));
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkEvents.fromHttp(null));
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkEvents.fromHttp("{\"UserId\":\"officer004\"}"))
			.withMessageContaining("no event type");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DingTalkEvents.fromHttp("{\"EventType\":\"check_in\",\"EventTime\":\"yesterday\"}"))
			.withMessageNotContaining("yesterday");
	}

	@Test
	void showsOnlyIdAndTypeInToString() {
		assertThat(DingTalkEvents.fromHttp(ROBOT_MSG_READ))
			.hasToString("DingTalkEvent[eventId=evt-0005, eventType=robot_msg_read]");
	}

	@Test
	void mapsTheStreamSampleThroughTheSdk() throws Exception {
		DingTalkEvent event = DingTalkEvents.fromStream(StreamFrames.event(StreamFrames.APPROVAL_FINISHED));
		assertThat(event.eventId()).isEqualTo("evt-0001");
		assertThat(event.eventType()).isEqualTo("bpms_instance_change");
		assertThat(event.corpId()).isEqualTo("dingcorphub0001");
		assertThat(event.bornAt()).isEqualTo(BORN);
		assertThat(event.bizId()).as("Stream frames carry no BizId").isNull();
		assertThat(DingTalkEvents.text(event.data(), "staffId")).isEqualTo("officer001");
		assertThat(event.data().get("title").asText()).isEqualTo("协查发布审批 XC-20261130-007");
	}

	// Only BizId differs: HTTP has it, Stream has none. Stream's eventUnifiedAppId is not
	// part of the envelope.
	@Test
	void mapsTheSameEventAlikeFromStreamAndHttp() throws Exception {
		DingTalkEvent stream = DingTalkEvents.fromStream(StreamFrames.event(StreamFrames.APPROVAL_FINISHED));
		DingTalkEvent http = DingTalkEvents.fromHttp(APPROVAL_FINISHED_HTTP);
		assertThat(http.bizId()).isEqualTo("biz-0001");
		assertThat(stream).isEqualTo(
				new DingTalkEvent(http.eventId(), http.eventType(), http.corpId(), http.bornAt(), null, http.data()));
	}

	@Test
	void keepsNullsAndNumbersOfStreamData() throws Exception {
		String frame = StreamFrames.APPROVAL_FINISHED.replace("\\\"result\\\":\\\"agree\\\"",
				"\\\"result\\\":null,\\\"taskId\\\":90001,\\\"latitude\\\":30.0001");
		DingTalkEvent event = DingTalkEvents.fromStream(StreamFrames.event(frame));
		assertThat(event.data().has("result")).isTrue();
		assertThat(event.data().get("result").isNull()).isTrue();
		assertThat(DingTalkEvents.text(event.data(), "result", "staffId")).isEqualTo("officer001");
		assertThat(DingTalkEvents.number(event.data(), "taskId")).isEqualTo(90001L);
		assertThat(event.data().get("latitude").asDouble()).isEqualTo(30.0001);
	}

	@Test
	void mapsAStreamEventWithoutData() {
		GenericOpenDingTalkEvent received = new GenericOpenDingTalkEvent();
		received.setEventType("chat_disband");
		received.setEventBornTime(1_700_000_000_000L);
		DingTalkEvent event = DingTalkEvents.fromStream(received);
		assertThat(event.eventId()).as("no eventId: type and time stand in").isEqualTo("chat_disband@1700000000000");
		assertThat(event.data().isObject()).isTrue();
		assertThat(event.data().isEmpty()).isTrue();
	}

	@Test
	void refusesAStreamEventWithoutType() {
		GenericOpenDingTalkEvent received = new GenericOpenDingTalkEvent();
		received.setEventId("evt-0001");
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkEvents.fromStream(received));
	}

	@Test
	void readsTheFirstSpellingThatHoldsAValue() throws Exception {
		JsonNode data = JSON.readTree("""
				{"UserId":["officer001"],"userId":null,"staffId":"officer002","count":"12","flag":true,"size":3.5}""");
		assertThat(DingTalkEvents.text(data, "userId", "UserId", "staffId")).isEqualTo("officer002");
		assertThat(DingTalkEvents.text(data, "missing")).isNull();
		assertThat(DingTalkEvents.text(data, "flag")).isEqualTo("true");
		assertThat(DingTalkEvents.number(data, "Count", "count")).isEqualTo(12L);
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkEvents.number(data, "missing", "UserId"))
			.withMessageContaining("missing");
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkEvents.number(data, "staffId"))
			.withMessageNotContaining("officer002");
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkEvents.number(data, "size"));
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkEvents.number(data, "flag"));
	}

}
