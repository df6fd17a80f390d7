package io.jingling.connectors.dingtalk.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.dingtalk.open.app.api.GenericEventListener;
import com.dingtalk.open.app.api.message.GenericOpenDingTalkEvent;
import com.dingtalk.open.app.api.protocol.EventCommandExecutor;
import com.dingtalk.open.app.stream.network.api.Context;
import com.dingtalk.open.app.stream.protocol.CommandType;
import com.dingtalk.open.app.stream.protocol.DefaultProtocolRequestFacade;
import com.dingtalk.open.app.stream.protocol.ProtocolRequest;
import com.dingtalk.open.app.stream.protocol.ProtocolRequestFacade;
import com.dingtalk.open.app.stream.protocol.event.AckPayload;
import com.dingtalk.open.app.stream.protocol.event.EventAckStatus;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

// Feeds a Stream frame, as DingTalk sends it over the WebSocket, through the SDK's own
// event executor, so tests see exactly the event object and the ack the SDK produces.
final class StreamFrames {

	// Reference §10: an approval finished, as a Stream EVENT frame.
	static final String APPROVAL_FINISHED = """
			{"specVersion":"1.0","type":"EVENT","headers":{"topic":"*","messageId":"mid-0001",\
			"contentType":"application/json","time":"1700000000000","eventType":"bpms_instance_change",\
			"eventId":"evt-0001","eventCorpId":"dingcorphub0001","eventBornTime":"1700000000000",\
			"eventUnifiedAppId":"app-uni-0001"},"data":"{\\"processInstanceId\\":\\"pi-0001\\",\
			\\"processCode\\":\\"PROC-XC-APPROVAL\\",\\"type\\":\\"finish\\",\\"result\\":\\"agree\\",\
			\\"staffId\\":\\"officer001\\",\\"title\\":\\"协查发布审批 XC-20261130-007\\"}"}""";

	private static final ObjectMapper JSON = new ObjectMapper();

	private StreamFrames() {
	}

	// The status the SDK acks the frame with after the listener ran.
	static EventAckStatus deliver(String frame, GenericEventListener listener) throws Exception {
		FakeContext context = new FakeContext(facade(frame));
		new EventCommandExecutor(listener).execute(context);
		if (!context.failures.isEmpty()) {
			throw new IllegalStateException("the SDK refused the frame", context.failures.get(0));
		}
		return ((AckPayload) context.replies.get(0)).getStatus();
	}

	// The event object the SDK hands a listener for the frame.
	static GenericOpenDingTalkEvent event(String frame) throws Exception {
		List<GenericOpenDingTalkEvent> received = new ArrayList<>();
		deliver(frame, (event) -> {
			received.add(event);
			return EventAckStatus.SUCCESS;
		});
		return received.get(0);
	}

	private static ProtocolRequestFacade facade(String frame) throws Exception {
		JsonNode json = JSON.readTree(frame);
		ProtocolRequest request = new ProtocolRequest();
		request.setSpecVersion(json.path("specVersion").asText());
		request.setType(CommandType.valueOf(json.path("type").asText()));
		request.setHeaders(JSON.convertValue(json.path("headers"), new TypeReference<Map<String, String>>() {
		}));
		request.setData(json.path("data").asText());
		return new DefaultProtocolRequestFacade(request);
	}

	private static final class FakeContext implements Context {

		private final ProtocolRequestFacade request;

		private final List<Object> replies = new ArrayList<>();

		private final List<Throwable> failures = new ArrayList<>();

		private FakeContext(ProtocolRequestFacade request) {
			this.request = request;
		}

		@Override
		public void replay(Object reply) {
			this.replies.add(reply);
		}

		@Override
		public void exception(Throwable failure) {
			this.failures.add(failure);
		}

		@Override
		public String connectionId() {
			return "conn-test";
		}

		@Override
		public ProtocolRequestFacade getRequest() {
			return this.request;
		}

	}

}
