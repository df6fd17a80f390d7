package io.jingling.outbox;

/** A due outbox row as read for planning. */
record OutboxRow(long id, String actionKey, Operation operation, String pacingGroup, OutboxPayload payload) {
}
