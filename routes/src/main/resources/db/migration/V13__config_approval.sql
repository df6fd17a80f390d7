-- The two-person rule: a version proposed where it is on waits (PENDING) until a second
-- admin approves it.
ALTER TABLE config_version ADD COLUMN approved_by VARCHAR(64);
