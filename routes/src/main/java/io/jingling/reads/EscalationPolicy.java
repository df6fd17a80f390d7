package io.jingling.reads;

import java.time.Duration;
import java.util.List;

/**
 * A named list of steps, in order of their delay after the order was sent.
 *
 * @param name e.g. {@code urgent}
 * @param description for people reading reports and the console
 * @param steps at least one, strictly increasing delays
 */
public record EscalationPolicy(String name, String description, List<Step> steps) {

	/**
	 * @param after delay after the order was sent
	 * @param action what the step does
	 * @param deferInQuietHours a step due in quiet hours waits until they end
	 * @param onDutyOnly the step leaves out officers who are off duty today (the duty
	 * board's roster)
	 */
	public record Step(Duration after, StepAction action, boolean deferInQuietHours, boolean onDutyOnly) {
	}

}
