-- A dead letter an admin sent back to the outbox.
ALTER TABLE dead_letter ADD COLUMN replayed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dead_letter ADD COLUMN replayed_by VARCHAR(64);
