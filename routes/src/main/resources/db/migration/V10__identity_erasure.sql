-- Identity reveals and erasures share one audit: who, whom, why, when, and which.
ALTER TABLE identity_reveal ADD COLUMN action VARCHAR(16) DEFAULT 'REVEAL' NOT NULL;
