package io.jingling.schedule;

import java.time.Instant;

/**
 * One piece of due work, claimed for this tick.
 *
 * @param kind which handler runs it, e.g. {@code POLL}
 * @param subject what it is about, e.g. a tracked message's id or an order's code
 * @param step which one of the subject's works of this kind, e.g. an escalation step
 * @param dueAt when it was due
 */
public record DueItem(long id, String kind, String subject, int step, Instant dueAt) {
}
