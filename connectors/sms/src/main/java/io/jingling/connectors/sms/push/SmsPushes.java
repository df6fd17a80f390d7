package io.jingling.connectors.sms.push;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads what Aliyun SMS pushes to the hub over HTTP (回执消息 → HTTP批量推送): SmsReport delivery
 * receipts and SmsUp replies, each a JSON array with several entries per request. The hub
 * answers {@link #ACK} with HTTP 200; anything else makes Aliyun push again after 1, 5
 * and 10 minutes. No signature protects these pushes: keep the URL unguessable and on
 * HTTPS.
 *
 * @see <a href="https://help.aliyun.com/document_detail/101867.html">SmsReport</a>
 * @see <a href="https://help.aliyun.com/zh/sms/developer-reference/smsup-http">SmsUp</a>
 */
public final class SmsPushes {

	/** The answer Aliyun expects; only the numeric {@code code} 0 is checked. */
	public static final String ACK = "{\"code\":0,\"msg\":\"接收成功\"}";

	private static final ObjectMapper JSON = new ObjectMapper();

	private SmsPushes() {
	}

	/**
	 * The receipts of one SmsReport push.
	 * @throws IllegalArgumentException when the body is not a JSON array of objects
	 */
	public static List<SmsReceipt> receipts(String json) {
		return entries(json, "SmsReport",
				(entry) -> new SmsReceipt(text(entry, "phone_number"), text(entry, "send_time"),
						text(entry, "report_time"), entry.path("success").asBoolean(false), text(entry, "err_code"),
						text(entry, "err_msg"), text(entry, "sms_size"), text(entry, "biz_id"), text(entry, "out_id")));
	}

	/**
	 * The replies of one SmsUp push; {@code sequence_id} may be a number or a string.
	 * @throws IllegalArgumentException when the body is not a JSON array of objects
	 */
	public static List<SmsUpMessage> replies(String json) {
		return entries(json, "SmsUp", (entry) -> new SmsUpMessage(text(entry, "phone_number"), text(entry, "content"),
				text(entry, "send_time"), text(entry, "dest_code"), text(entry, "sequence_id")));
	}

	// The message never quotes the body: it holds numbers and reply texts.
	private static <T> List<T> entries(String json, String kind, Function<JsonNode, T> mapper) {
		JsonNode root;
		try {
			root = (json != null) ? JSON.readTree(json) : null;
		}
		catch (JsonProcessingException ex) {
			// Jackson leaves the source out of its messages (REDACTED) unless told
			// otherwise
			throw new IllegalArgumentException(kind + " push is not valid JSON", ex);
		}
		if (root == null || !root.isArray()) {
			throw new IllegalArgumentException(kind + " push is not a JSON array of objects");
		}
		List<T> entries = new ArrayList<>(root.size());
		for (JsonNode entry : root) {
			if (!entry.isObject()) {
				throw new IllegalArgumentException(kind + " push is not a JSON array of objects");
			}
			entries.add(mapper.apply(entry));
		}
		return List.copyOf(entries);
	}

	private static String text(JsonNode entry, String field) {
		JsonNode value = entry.get(field);
		return (value != null && !value.isNull()) ? value.asText() : null;
	}

}
