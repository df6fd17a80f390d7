package io.jingling.connectors.dingtalk.sim;

import java.util.List;
import java.util.Map;

/**
 * An approval the simulator holds, as it stands: the form's values by component name in
 * form order, the approvers the request named (empty when it used the template's flow),
 * {@code status} {@code RUNNING}, {@code COMPLETED} or {@code TERMINATED}, and
 * {@code result} {@code agree} or {@code refuse} once completed, otherwise null.
 */
public record SimulatedApproval(String instanceId, String processCode, String originatorUserId,
		Map<String, String> fields, List<String> approvers, String status, String result) {
}
