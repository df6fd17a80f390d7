package io.jingling.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jingling.connectors.dingtalk.sim.RobotCallbacks;

/**
 * Robot callbacks as DingTalk would POST them, built from
 * {@code samples/payloads/dingtalk/} and signed with the app secret at the given clock's
 * time.
 */
public final class RobotCallbackSamples {

	public static final Path SAMPLES = Path.of("..", "samples", "payloads", "dingtalk");

	public static final String DEMO_APP_SECRET = "jingling-demo-app-secret";

	private static final ObjectMapper JSON = new ObjectMapper();

	private RobotCallbackSamples() {
	}

	/**
	 * The help sample with another msgId, sender and text; the session stays valid for 90
	 * minutes.
	 */
	public static String message(String msgId, String senderStaffId, String text, Clock clock) {
		try {
			ObjectNode body = (ObjectNode) JSON.readTree(Files.readString(SAMPLES.resolve("at-bot-help.json")));
			body.put("msgId", msgId);
			body.put("senderStaffId", senderStaffId);
			body.putObject("text").put("content", " " + text);
			body.put("createAt", clock.millis());
			body.put("sessionWebhook", "https://oapi.dingtalk.com/robot/sendBySession?session=s-" + msgId);
			body.put("sessionWebhookExpiredTime", clock.millis() + 90 * 60 * 1000);
			return JSON.writeValueAsString(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The same message with @-mentions of officers (as DingTalk lists them in atUsers).
	 */
	public static String withMentions(String message, List<String> staffIds) {
		try {
			ObjectNode body = (ObjectNode) JSON.readTree(message);
			var at = body.putArray("atUsers");
			at.addObject().put("dingtalkId", "$:LWCP_v1:$demoRobot");
			staffIds.forEach((id) -> at.addObject().put("dingtalkId", "$:LWCP_v1:$" + id).put("staffId", id));
			return JSON.writeValueAsString(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Map<String, String> signed(Clock clock) {
		return RobotCallbacks.signedHeaders(DEMO_APP_SECRET, clock.millis());
	}

}
