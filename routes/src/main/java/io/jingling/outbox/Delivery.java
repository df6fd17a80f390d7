package io.jingling.outbox;

import java.util.List;

/**
 * One platform call covering one or more claimed outbox rows.
 *
 * @param rowIds the claimed rows
 * @param operation the connector endpoint, e.g. {@code dingtalk:send-group}
 * @param request the connector's request record
 * @param pacingKeys the robot and group this call counts against
 */
public record Delivery(List<Long> rowIds, String operation, Object request, List<String> pacingKeys) {

	@Override
	public String toString() {
		return "Delivery[rows=" + rowIds + ", operation=" + operation + "]";
	}

}
