package io.jingling.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.jingling.connectors.wechat.client.CreatedTask;
import io.jingling.connectors.wechat.client.WeComClient;
import io.jingling.wecom.KfLinks;

import org.springframework.stereotype.Component;

/**
 * Asks WeCom whether a customer-group task the hub was creating when it stopped exists:
 * the owner's tasks around the claim time are listed and matched by their text, which
 * carries the request's own KF link (code and circle). Found, the row takes that task's
 * id; not found, it is safe to create.
 */
@Component
class TaskReconciliation {

	/** WeCom's clock and ours may differ a little; look a minute before the claim. */
	private static final Duration SLACK = Duration.ofMinutes(1);

	private final WeComClient client;

	private final KfLinks kfLinks;

	TaskReconciliation(WeComClient client, KfLinks kfLinks) {
		this.client = client;
		this.kfLinks = kfLinks;
	}

	/**
	 * The id of the task created for this plan since {@code claimedAt}, if WeCom has one.
	 */
	Optional<String> existing(GroupTaskPlan plan, Instant claimedAt, Instant now) {
		String link = this.kfLinks.linkFor(plan.scene(), plan.assistCode());
		return this.client.tasksCreatedBy(plan.sender(), claimedAt.minus(SLACK), now)
			.stream()
			.filter((task) -> task.text() != null && task.text().contains(link))
			.map(CreatedTask::msgId)
			.findFirst();
	}

}
