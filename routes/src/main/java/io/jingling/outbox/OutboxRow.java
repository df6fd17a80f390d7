package io.jingling.outbox;

/** A due outbox row as read for planning. */
record OutboxRow(long id, String actionKey, String recipient, Operation operation, String pacingGroup,
		OutboxPayload payload) {
}
